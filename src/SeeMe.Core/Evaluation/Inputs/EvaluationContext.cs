using System;

namespace SeeMe.Core.Evaluation
{
    /// <summary>What was evaluated on what: ids and names carried into the result and the reports.</summary>
    public sealed class EvaluationContext
    {
        public string ModelId { get; set; } = "";
        public string ModelName { get; set; } = "";
        public string ModelVersionId { get; set; } = "";
        public string ModelVersionName { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public string DatasetName { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";
        public string DatasetVersionName { get; set; } = "";
        public string[] Splits { get; set; } = Array.Empty<string>();

        /// <summary>The wire string: image_classification, object_detection, text_classification or structured.</summary>
        public string ApplicationType { get; set; } = "";

        /// <summary>Items the orchestration left out (e.g. without a label); outcomes without a true label add to it.</summary>
        public int ItemsSkipped { get; set; }
    }
}
