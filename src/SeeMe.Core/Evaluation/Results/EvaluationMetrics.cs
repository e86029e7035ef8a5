namespace SeeMe.Core.Evaluation
{
    /// <summary>The names of the metrics a gate or a headline can read (as in the JSON report).</summary>
    public static class EvaluationMetrics
    {
        public const string Accuracy = "accuracy";
        public const string MacroF1 = "macro_f1";
        public const string Map50 = "map50";
        public const string Map = "map";
    }
}
