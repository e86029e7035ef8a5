using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// Precision, recall and F1 from counts, and their averages, as scikit-learn's precision_recall_fscore_support
    /// computes them with zero_division=0: F1 = 2·tp / (support + predicted); weighted by support, or a plain
    /// mean when every support is 0.
    /// </summary>
    internal static class LabelScores
    {
        public static LabelMetrics Score(string label, int truePositives, int predicted, int support) => new LabelMetrics
        {
            Label = label,
            TruePositives = truePositives,
            Predicted = predicted,
            Support = support,
            Precision = Divide(truePositives, predicted),
            Recall = Divide(truePositives, support),
            F1 = Divide(2.0 * truePositives, support + predicted),
        };

        public static AverageMetrics Macro(IReadOnlyList<LabelMetrics> labels) => Average(labels, useSupport: false);

        public static AverageMetrics Weighted(IReadOnlyList<LabelMetrics> labels)
        {
            var totalSupport = 0L;
            foreach (var label in labels) totalSupport += label.Support;
            return Average(labels, useSupport: totalSupport > 0);
        }

        private static AverageMetrics Average(IReadOnlyList<LabelMetrics> labels, bool useSupport)
        {
            double precision = 0, recall = 0, f1 = 0, weights = 0;
            foreach (var label in labels)
            {
                double weight = useSupport ? label.Support : 1;
                precision += label.Precision * weight;
                recall += label.Recall * weight;
                f1 += label.F1 * weight;
                weights += weight;
            }
            if (weights == 0) return new AverageMetrics();
            return new AverageMetrics { Precision = precision / weights, Recall = recall / weights, F1 = f1 / weights };
        }

        private static double Divide(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
    }
}
