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
        public static bool TakesFile(string applicationType) => InputOf(applicationType) == PredictionInput.File;

        /// <summary>What a prediction of this type sends; null for a type this client does not know.</summary>
        public static PredictionInput? InputOf(string applicationType) => applicationType switch
        {
            ImageClassification or ObjectDetection or Ocr => PredictionInput.File,
            TextClassification or Ner or LanguageModel => PredictionInput.Text,
            Structured => PredictionInput.Features,
            _ => null,
        };
    }

    /// <summary>What a prediction sends: a file (multipart), a text, or a row of features (JSON).</summary>
    public enum PredictionInput
    {
        File,
        Text,
        Features,
    }
}
