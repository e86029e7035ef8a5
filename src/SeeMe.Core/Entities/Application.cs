using Newtonsoft.Json;

namespace SeeMe.Core.Entities
{
    /// <summary>An entry of the framework catalogue: which framework/version runs which application type.</summary>
    public sealed class Application : NamedEntity
    {
        public string BaseFramework { get; set; } = "";
        public string BaseFrameworkVersion { get; set; } = "";
        public string Framework { get; set; } = "";
        public string FrameworkVersion { get; set; } = "";
        /// <summary>The application type: image_classification, object_detection, text_classification, structured, ...</summary>
        [JsonProperty("application")]
        public string ApplicationType { get; set; } = "";
        public string InferenceHost { get; set; } = "";
        public bool CanConvertToOnnx { get; set; }
        public bool CanConvertToCoreml { get; set; }
        public bool CanConvertToTensorflow { get; set; }
        public bool CanConvertToTflite { get; set; }
        public bool ContinualTraining { get; set; }
        public bool HasEmbeddingSupport { get; set; }
        public bool HasLabelsFile { get; set; }
        public string InferenceExtensions { get; set; } = "";
    }
}
