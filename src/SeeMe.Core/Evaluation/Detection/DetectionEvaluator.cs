using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Every detection number: COCO AP per label, and precision, recall, F1, the confusion matrix and the items at the threshold.</summary>
    internal static class DetectionEvaluator
    {
        public static void Evaluate(LabelIndex labels, IEnumerable<DetectionOutcome> outcomes, double confidenceThreshold, EvaluationResult result)
        {
            var images = outcomes.Select(outcome => ImageBoxes.Group(outcome, labels)).ToList();
            var matches = images.Select(image => MatchLabels(image, confidenceThreshold)).ToList();
            var averagePrecision = CocoAveragePrecision.Compute(images, labels.Count);

            result.ItemsEvaluated = images.Count;
            result.Labels = LabelMetrics(labels, matches, averagePrecision);
            result.Macro = LabelScores.Macro(result.Labels);
            result.Weighted = LabelScores.Weighted(result.Labels);
            result.Map50 = averagePrecision.Map50;
            result.Map = averagePrecision.Map;
            result.ConfusionMatrix = DetectionConfusion.Count(images, labels, confidenceThreshold);
            result.Items = images.Select((image, i) => DetectionItems.Describe(image.Outcome, matches[i], confidenceThreshold)).ToList();
        }

        /// <summary>[label]: the image's match at the threshold.</summary>
        private static ThresholdMatch[] MatchLabels(ImageBoxes image, double confidenceThreshold) =>
            image.Truths.Select((truths, k) => ThresholdMatch.Of(truths, image.Detections[k], confidenceThreshold)).ToArray();

        private static IReadOnlyList<LabelMetrics> LabelMetrics(LabelIndex labels, List<ThresholdMatch[]> matches, CocoAveragePrecision averagePrecision)
        {
            var metrics = new LabelMetrics[labels.Count];
            for (var k = 0; k < labels.Count; k++)
            {
                var label = matches.Select(image => image[k]).ToList();
                metrics[k] = LabelScores.Score(labels.Names[k], label.Sum(m => m.TruePositives), label.Sum(m => m.Detections), label.Sum(m => m.Truths));
                metrics[k].Ap50 = averagePrecision.Ap50[k];
                metrics[k].Ap = averagePrecision.Ap[k];
            }
            return metrics;
        }
    }
}
