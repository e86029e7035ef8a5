using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace SeeMe.Core.Entities
{
    /// <summary>One version of a model, with its own files and metrics.</summary>
    public sealed class ModelVersion : NamedEntity
    {
        public string ModelId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Classes { get; set; } = "";
        public double Accuracy { get; set; }
        public bool CanInference { get; set; }
        public bool HasLogo { get; set; }
        public string Logo { get; set; } = "";
        public string Config { get; set; } = "";
        public string ApplicationId { get; set; } = "";
        public string Version { get; set; } = "";
        /// <summary>Numbered by the server, per model; null on a version not yet created (the SDK sends null).</summary>
        public int? VersionNumber { get; set; }
        public bool HasMlModel { get; set; }
        public bool HasOnnxModel { get; set; }
        public bool HasOnnxInt8Model { get; set; }
        public bool HasTfliteModel { get; set; }
        public bool HasLabelsFile { get; set; }
        public string DatasetId { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";
        public string TrainingRequestId { get; set; } = "";
        public string JobId { get; set; } = "";
        public List<JToken> Metrics { get; set; } = new List<JToken>();
    }
}
