namespace SeeMe.Core.Models
{
    /// <summary>A model: what you predict with. Its files live in its versions; <see cref="ActiveVersionId"/> is the one used.</summary>
    public sealed class Model : NamedEntity, IOwnedEntity
    {
        public string UserId { get; set; } = "";
        public string Notes { get; set; } = "";
        public string ActiveVersionId { get; set; } = "";
        public string Classes { get; set; } = "";
        public double Accuracy { get; set; }
        public bool CanInference { get; set; }
        /// <summary>image_classification, object_detection, text_classification, structured (later also ocr, ner, language_model).</summary>
        public string Kind { get; set; } = "";
        public bool HasLogo { get; set; }
        public string Logo { get; set; } = "";
        public bool Public { get; set; }
        public string Config { get; set; } = "";
        public string ApplicationId { get; set; } = "";
        public bool HasMlModel { get; set; }
        public bool HasOnnxModel { get; set; }
        public bool HasOnnxInt8Model { get; set; }
        public bool HasTfliteModel { get; set; }
        public bool HasLabelsFile { get; set; }
        public bool SharedWithMe { get; set; }
        public bool AutoConvert { get; set; } = true;
        public bool PrivacyEnabled { get; set; }
    }
}
