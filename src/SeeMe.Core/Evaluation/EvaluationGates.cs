using System;
using System.Collections.Generic;
using System.Globalization;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// The limits a CI pipeline sets. <see cref="Apply"/> writes one <see cref="GateResult"/> per limit set into
    /// the result (threshold gates first, then the regression gate) and the comparison with the baseline.
    /// </summary>
    public sealed class EvaluationGates
    {
        /// <summary>Differences smaller than this are floating-point noise (0.9 − 0.85 is 0.05000000000000004), not a regression.</summary>
        private const double RegressionTolerance = 1e-12;

        public double? MinimumAccuracy { get; set; }

        /// <summary>The minimum macro-averaged F1.</summary>
        public double? MinimumF1 { get; set; }

        /// <summary>The minimum mAP at IoU 0.50 (detection).</summary>
        public double? MinimumMeanAveragePrecision { get; set; }

        /// <summary>How far the headline metric may drop below the baseline's (needs a baseline).</summary>
        public double? MaximumRegression { get; set; }

        public bool Any => MinimumAccuracy.HasValue || MinimumF1.HasValue || MinimumMeanAveragePrecision.HasValue || MaximumRegression.HasValue;

        /// <summary>Refuses a gate that cannot apply to the application type (accuracy for detection, mAP for classification).</summary>
        public void EnsureApplicableTo(string applicationType)
        {
            var detection = ModelEvaluation.IsDetection(applicationType);
            if (detection && MinimumAccuracy.HasValue)
                throw new ArgumentException($"MinimumAccuracy does not apply to {applicationType}: gate on MinimumMeanAveragePrecision (mAP50) or MinimumF1.");
            if (!detection && MinimumMeanAveragePrecision.HasValue)
                throw new ArgumentException($"MinimumMeanAveragePrecision applies to object detection only, not to {applicationType}: gate on MinimumAccuracy or MinimumF1.");
        }

        /// <summary>Fills <paramref name="result"/>.Gates, and .Baseline when a baseline result is given.</summary>
        public void Apply(EvaluationResult result, EvaluationResult? baseline = null)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            if (MaximumRegression.HasValue && baseline == null)
                throw new ArgumentException("MaximumRegression needs the baseline's result to compare with.", nameof(baseline));
            if (baseline != null) result.Baseline = BaselineComparison.Between(result, baseline);

            var gates = new List<GateResult>();
            AddThreshold(gates, "minimum_accuracy", EvaluationMetrics.Accuracy, result, MinimumAccuracy);
            AddThreshold(gates, "minimum_f1", EvaluationMetrics.MacroF1, result, MinimumF1);
            AddThreshold(gates, "minimum_map50", EvaluationMetrics.Map50, result, MinimumMeanAveragePrecision);
            if (MaximumRegression.HasValue) gates.Add(Regression(result, baseline!, MaximumRegression.Value));
            result.Gates = gates;
        }

        private static void AddThreshold(List<GateResult> gates, string name, string metric, EvaluationResult result, double? minimum)
        {
            if (!minimum.HasValue) return;
            var value = result.Metric(metric);
            var passed = value.HasValue && value.Value >= minimum.Value;
            gates.Add(new GateResult
            {
                Name = name,
                Metric = metric,
                Kind = GateKind.Threshold,
                Value = value,
                Limit = minimum.Value,
                Passed = passed,
                Message = value.HasValue
                    ? Text("{0} {1} {2} the minimum {3}", metric, Show(value.Value, minimum.Value), passed ? "meets" : "is below", Show(minimum.Value, value.Value))
                    : Text("{0} could not be computed ({1} items evaluated), so it does not meet the minimum {2}", metric, result.ItemsEvaluated, minimum.Value),
            });
        }

        private static GateResult Regression(EvaluationResult result, EvaluationResult baseline, double maximum)
        {
            var metric = result.HeadlineMetric;
            var candidate = result.HeadlineValue;
            var before = baseline.Metric(metric);
            var drop = candidate.HasValue && before.HasValue ? before.Value - candidate.Value : (double?)null;
            var passed = drop.HasValue && drop.Value <= maximum + RegressionTolerance;
            return new GateResult
            {
                Name = "maximum_regression",
                Metric = metric,
                Kind = GateKind.Regression,
                Value = drop,
                Limit = maximum,
                Passed = passed,
                Message = drop.HasValue
                    ? RegressionMessage(metric, before!.Value, candidate!.Value, drop.Value, maximum, passed)
                    : Text("{0} could not be compared with the baseline (candidate {1}, baseline {2})", metric, Show(candidate), Show(before)),
            };
        }

        private static string RegressionMessage(string metric, double before, double candidate, double drop, double maximum, bool passed)
        {
            var change = Text("{0} went from the baseline's {1} to {2}", metric, Show(before, candidate), Show(candidate, before));
            if (drop <= 0) return change + (drop == 0 ? ": no drop" : Text(": up by {0}", Show(-drop, double.NaN)));
            return change + Text(": a drop of {0}, {1} the allowed {2}", Show(drop, maximum), passed ? "within" : "more than", Show(maximum, drop));
        }

        private static string Show(double? value) => value.HasValue ? Show(value.Value, double.NaN) : "none";

        /// <summary>Four decimals, or every digit when four would make the number look equal to the one it is compared with.</summary>
        private static string Show(double value, double comparedWith)
        {
            var rounded = value.ToString("0.####", CultureInfo.InvariantCulture);
            var same = Math.Abs(value - comparedWith) > RegressionTolerance && rounded == comparedWith.ToString("0.####", CultureInfo.InvariantCulture);
            return same ? value.ToString("R", CultureInfo.InvariantCulture) : rounded;
        }

        private static string Text(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
