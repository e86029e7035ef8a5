using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>One image's line in the result: its labels, boxes and counts at the threshold.</summary>
    internal static class DetectionItems
    {
        public const string LabelSeparator = ", ";

        public static EvaluatedItem Describe(DetectionOutcome outcome, ThresholdMatch[] perLabel, double confidenceThreshold)
        {
            var truths = outcome.TrueBoxes ?? Array.Empty<DetectionBox>();
            var predictions = outcome.PredictedBoxes ?? Array.Empty<DetectionBox>();
            var kept = ThresholdMatch.AtOrAbove(predictions, confidenceThreshold);
            var falsePositives = perLabel.Sum(match => match.FalsePositives);
            var falseNegatives = perLabel.Sum(match => match.FalseNegatives);
            return new EvaluatedItem
            {
                ItemId = outcome.ItemId,
                Name = outcome.Name,
                True = DistinctLabels(truths),
                Predicted = DistinctLabels(kept),
                Confidence = kept.Length == 0 ? (double?)null : kept.Max(box => box.Score),
                Correct = falsePositives == 0 && falseNegatives == 0,
                TrueBoxes = truths,
                PredictedBoxes = predictions,
                TruePositives = perLabel.Sum(match => match.TruePositives),
                FalsePositives = falsePositives,
                FalseNegatives = falseNegatives,
                Image = outcome.Image,
                ImageContentType = outcome.ImageContentType,
                ImageWidth = outcome.ImageWidth,
                ImageHeight = outcome.ImageHeight,
            };
        }

        /// <summary>The distinct labels in order of first appearance, joined by ", ".</summary>
        private static string DistinctLabels(IEnumerable<DetectionBox> boxes) =>
            string.Join(LabelSeparator, boxes.Select(box => box.Label ?? "").Distinct(StringComparer.Ordinal));
    }
}
