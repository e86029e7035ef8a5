using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>What to evaluate on what: a model version, the items of some splits of a dataset version, and the gates.</summary>
    public sealed class EvaluationRequest
    {
        public string ModelId { get; set; } = "";

        /// <summary>The version to evaluate; null or empty: the model's active version.</summary>
        public string? ModelVersionId { get; set; }

        /// <summary>A version to evaluate on the same items and compare with (null: none).</summary>
        public string? BaselineVersionId { get; set; }

        /// <summary>The baseline's model; null or empty: <see cref="ModelId"/>.</summary>
        public string? BaselineModelId { get; set; }

        public string DatasetId { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";

        /// <summary>The splits whose items are evaluated, by name (any case) or id; an item in several counts once.</summary>
        public IList<string> Splits { get; set; } = new List<string> { "test" };

        /// <summary>Dataset label → model class, for the names that differ.</summary>
        public IDictionary<string, string> LabelMap { get; set; } = new Dictionary<string, string>();

        /// <summary>Object detection: the score a detection needs to count in precision, recall and F1.</summary>
        public double ConfidenceThreshold { get; set; } = ModelEvaluation.DefaultConfidenceThreshold;

        public EvaluationGates Gates { get; set; } = new EvaluationGates();

        /// <summary>
        /// Keeps images on the result for the HTML report's pictures of the wrong items: in memory, a classification keeps
        /// the images of the items it got wrong, a detection every item's (which are wrong is known once its boxes are matched).
        /// </summary>
        public bool KeepImages { get; set; }
    }
}
