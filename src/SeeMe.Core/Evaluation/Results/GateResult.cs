namespace SeeMe.Core.Evaluation
{
    /// <summary>A threshold gate (the metric must reach a minimum) or the regression gate (the headline may drop at most so far).</summary>
    public enum GateKind
    {
        Threshold,
        Regression,
    }

    /// <summary>
    /// One gate's verdict. A threshold gate passes when <see cref="Value"/> ≥ <see cref="Limit"/>. The regression
    /// gate's <see cref="Value"/> is the drop (baseline − candidate of the headline metric) and passes when it is
    /// ≤ <see cref="Limit"/>. A metric that could not be computed (null) fails its gate.
    /// </summary>
    public sealed class GateResult
    {
        public const string BelowThresholdErrorId = "EvaluationBelowThreshold";
        public const string RegressedErrorId = "EvaluationRegressed";

        /// <summary>minimum_accuracy, minimum_f1, minimum_map50 or maximum_regression.</summary>
        public string Name { get; set; } = "";

        /// <summary>The metric the gate reads: accuracy, macro_f1 or map50.</summary>
        public string Metric { get; set; } = "";

        public GateKind Kind { get; set; }

        public double? Value { get; set; }
        public double Limit { get; set; }
        public bool Passed { get; set; }

        /// <summary>One sentence naming the metric, its value and the limit.</summary>
        public string Message { get; set; } = "";

        /// <summary>The ErrorId a failed gate raises: EvaluationBelowThreshold or EvaluationRegressed.</summary>
        public string ErrorId => Kind == GateKind.Regression ? RegressedErrorId : BelowThresholdErrorId;

        public override string ToString() => Message;
    }
}
