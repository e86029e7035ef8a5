using System;

namespace SeeMe.Core.Evaluation
{
    /// <summary>What was evaluated on what: ids and names carried into the result (which is a context too) and the reports.</summary>
    public class EvaluationContext
    {
        public EvaluationContext() { }

        /// <summary>A copy of <paramref name="other"/>'s ids, names, splits, application type and skipped count.</summary>
        protected EvaluationContext(EvaluationContext other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            ModelId = other.ModelId;
            ModelName = other.ModelName;
            ModelVersionId = other.ModelVersionId;
            ModelVersionName = other.ModelVersionName;
            DatasetId = other.DatasetId;
            DatasetName = other.DatasetName;
            DatasetVersionId = other.DatasetVersionId;
            DatasetVersionName = other.DatasetVersionName;
            Splits = other.Splits ?? Array.Empty<string>();
            ApplicationType = other.ApplicationType;
            ItemsSkipped = other.ItemsSkipped;
        }

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
