using System.Collections.Generic;

namespace SeeMe.Core.Entities
{
    /// <summary>The application types a model can have (a model's and an application's ApplicationType): what a prediction sends follows it.</summary>
    public static class ApplicationTypes
    {
        public const string ImageClassification = "image_classification";
        public const string ObjectDetection = "object_detection";
        public const string TextClassification = "text_classification";
        public const string Structured = "structured";
        public const string Ocr = "ocr";
        public const string Ner = "ner";
        public const string LanguageModel = "language_model";

        public static readonly IReadOnlyList<string> All = new[] { ImageClassification, ObjectDetection, TextClassification, Structured, Ocr, Ner, LanguageModel };

        /// <summary>Types whose input is a file (the others take text, structured takes features).</summary>
        public static bool TakesFile(string applicationType) =>
            applicationType == ImageClassification || applicationType == ObjectDetection || applicationType == Ocr;
    }
}
