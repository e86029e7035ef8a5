using Newtonsoft.Json;

namespace SeeMe.Core.Entities
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
        /// <summary>What the model does: one of <see cref="ApplicationTypes"/> (on the wire: <c>kind</c>).</summary>
        [JsonProperty("kind")]
        public string ApplicationType { get; set; } = "";
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
