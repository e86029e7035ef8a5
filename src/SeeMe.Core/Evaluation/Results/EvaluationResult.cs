using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// Every number of one evaluation (the keys of the JSON report), the per-item results, and the gates'
    /// verdicts once <see cref="EvaluationGates.Apply"/> has run.
    /// </summary>
    public sealed class EvaluationResult : EvaluationContext
    {
        public EvaluationResult() { }

        /// <summary>An empty result for what <paramref name="context"/> names.</summary>
        public EvaluationResult(EvaluationContext context, bool detection) : base(context) => IsDetection = detection;

        /// <summary>Object detection (boxes, AP) rather than classification.</summary>
        public bool IsDetection { get; set; }

        /// <summary>Detection: the score a detection needs to count in precision, recall, F1 and the confusion matrix.</summary>
        public double? ConfidenceThreshold { get; set; }

        public int ItemsEvaluated { get; set; }

        /// <summary>Classification: correct / evaluated. Null for detection and when nothing was evaluated.</summary>
        public double? Accuracy { get; set; }

        public AverageMetrics Macro { get; set; } = new AverageMetrics();
        public AverageMetrics Weighted { get; set; } = new AverageMetrics();
        public IReadOnlyList<LabelMetrics> Labels { get; set; } = Array.Empty<LabelMetrics>();
        public ConfusionMatrix ConfusionMatrix { get; set; } = new ConfusionMatrix();

        /// <summary>Detection: the mean of the labels' AP at IoU 0.50 over the labels with true boxes (null when none has).</summary>
        public double? Map50 { get; set; }

        /// <summary>Detection: the mean of the labels' AP over IoU 0.50:0.05:0.95 (COCO's AP, Ultralytics' mAP50-95).</summary>
        public double? Map { get; set; }

        public IReadOnlyList<EvaluatedItem> Items { get; set; } = Array.Empty<EvaluatedItem>();
        public IReadOnlyList<GateResult> Gates { get; set; } = Array.Empty<GateResult>();
        public BaselineComparison? Baseline { get; set; }

        /// <summary>accuracy for classification, map50 for detection: what the regression gate and the reports lead with.</summary>
        public string HeadlineMetric => IsDetection ? EvaluationMetrics.Map50 : EvaluationMetrics.Accuracy;

        public double? HeadlineValue => Metric(HeadlineMetric);

        /// <summary>Every gate passed (true when there are none).</summary>
        public bool Passed => Gates.All(gate => gate.Passed);

        public IEnumerable<GateResult> FailedGates => Gates.Where(gate => !gate.Passed);

        /// <summary>A metric by its name in <see cref="EvaluationMetrics"/>; null when it does not apply or could not be computed.</summary>
        public double? Metric(string name)
        {
            switch (name)
            {
                case EvaluationMetrics.Accuracy: return Accuracy;
                case EvaluationMetrics.MacroF1: return Macro.F1;
                case EvaluationMetrics.Map50: return Map50;
                case EvaluationMetrics.Map: return Map;
                default: throw new ArgumentException($"Unknown metric '{name}'; known: accuracy, macro_f1, map50, map.", nameof(name));
            }
        }
    }
}
