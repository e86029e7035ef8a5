using System.Collections.Generic;
using Newtonsoft.Json;

namespace SeeMe.Core.Entities
{
    /// <summary>
    /// A prediction (the API calls it an inference). <see cref="Label"/> and
    /// <see cref="Confidence"/> hold the best class; <see cref="Items"/> every one
    /// (one per box for object detection).
    /// </summary>
    public sealed class Prediction : NamedEntity
    {
        [JsonProperty("prediction")]
        public string Label { get; set; } = "";
        public double Confidence { get; set; }
        public string ModelId { get; set; } = "";
        public string ModelVersionId { get; set; } = "";
        public string Extension { get; set; } = "";
        public string UserId { get; set; } = "";
        public bool ErrorReported { get; set; }
        public string Error { get; set; } = "";
        public string ApplicationId { get; set; } = "";
        public string InferenceHost { get; set; } = "";
        public string InferenceTime { get; set; } = "";
        public string EndToEndTime { get; set; } = "";
        public string DatasetItemId { get; set; } = "";
        public string Result { get; set; } = "";
        [JsonProperty("inference_items")]
        public List<PredictionItem> Items { get; set; } = new List<PredictionItem>();
        public bool Hidden { get; set; }
        public bool PrivacyEnabled { get; set; }

        /// <summary>
        /// What the prediction was made from, kept by the client (never sent): the file's full path,
        /// the text, or the row of features. Results join back to their inputs through it.
        /// </summary>
        [JsonIgnore]
        public object? Input { get; set; }
    }

    /// <summary>One predicted class (and for object detection its box, YOLO "x_center y_center width height", relative).</summary>
    public sealed class PredictionItem : WireObject
    {
        public string Id { get; set; } = "";
        [JsonProperty("prediction")]
        public string Label { get; set; } = "";
        public double Confidence { get; set; }
        [JsonProperty("inference_id")]
        public string PredictionId { get; set; } = "";
        public string Coordinates { get; set; } = "";

        public override string ToString() => $"{Label} ({Confidence:P1})";
    }
}
