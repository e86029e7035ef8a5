namespace SeeMe.Core.Evaluation
{
    /// <summary>The baseline's headline numbers on the same items, and each delta (candidate − baseline; null when either side is).</summary>
    public sealed class BaselineComparison
    {
        public string ModelId { get; set; } = "";
        public string ModelVersionId { get; set; } = "";
        public string ModelVersionName { get; set; } = "";
        public int ItemsEvaluated { get; set; }

        public string HeadlineMetric { get; set; } = "";
        public double? HeadlineValue { get; set; }
        public double? HeadlineDelta { get; set; }

        public double? Accuracy { get; set; }
        public double? AccuracyDelta { get; set; }
        public double MacroF1 { get; set; }
        public double MacroF1Delta { get; set; }
        public double? Map50 { get; set; }
        public double? Map50Delta { get; set; }
        public double? Map { get; set; }
        public double? MapDelta { get; set; }

        /// <summary>Compares a candidate's result with the baseline's result.</summary>
        public static BaselineComparison Between(EvaluationResult candidate, EvaluationResult baseline) => new BaselineComparison
        {
            ModelId = baseline.ModelId,
            ModelVersionId = baseline.ModelVersionId,
            ModelVersionName = baseline.ModelVersionName,
            ItemsEvaluated = baseline.ItemsEvaluated,
            HeadlineMetric = baseline.HeadlineMetric,
            HeadlineValue = baseline.HeadlineValue,
            HeadlineDelta = Delta(candidate.HeadlineValue, baseline.HeadlineValue),
            Accuracy = baseline.Accuracy,
            AccuracyDelta = Delta(candidate.Accuracy, baseline.Accuracy),
            MacroF1 = baseline.Macro.F1,
            MacroF1Delta = candidate.Macro.F1 - baseline.Macro.F1,
            Map50 = baseline.Map50,
            Map50Delta = Delta(candidate.Map50, baseline.Map50),
            Map = baseline.Map,
            MapDelta = Delta(candidate.Map, baseline.Map),
        };

        private static double? Delta(double? candidate, double? baseline) =>
            candidate.HasValue && baseline.HasValue ? candidate.Value - baseline.Value : (double?)null;
    }
}
