using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// The detection confusion matrix, Ultralytics-style: per image, the detections at or above the threshold and
    /// the true boxes are paired regardless of label, the pair of highest IoU (≥ 0.5) first, each box used once
    /// (equal IoU: the better-scored detection, then the earlier box as given). A pair counts at [true label,
    /// predicted label]; a true box left over at [its label, background]; a detection left over at [background,
    /// its label]. Boxes of labels outside the list are left out.
    /// </summary>
    internal static class DetectionConfusion
    {
        public static ConfusionMatrix Count(IReadOnlyList<ImageBoxes> images, LabelIndex labels, double confidenceThreshold)
        {
            var background = labels.Count;
            var counts = new int[background + 1][];
            for (var i = 0; i <= background; i++) counts[i] = new int[background + 1];
            foreach (var image in images) CountImage(image.Outcome, labels, confidenceThreshold, counts);
            return new ConfusionMatrix
            {
                Labels = labels.Names.Concat(new[] { ConfusionMatrix.BackgroundLabel }).ToArray(),
                Counts = counts,
                HasBackground = true,
            };
        }

        private static void CountImage(DetectionOutcome outcome, LabelIndex labels, double confidenceThreshold, int[][] counts)
        {
            var background = labels.Count;
            var truths = Listed(outcome.TrueBoxes, labels).ToList();
            var detections = Listed(ThresholdMatch.AtOrAbove(outcome.PredictedBoxes ?? Array.Empty<DetectionBox>(), confidenceThreshold), labels).ToList();
            var truthUsed = new bool[truths.Count];
            var detectionUsed = new bool[detections.Count];
            foreach (var (d, g) in PairsByOverlap(detections, truths))
            {
                if (detectionUsed[d] || truthUsed[g]) continue;
                detectionUsed[d] = truthUsed[g] = true;
                counts[truths[g].Label][detections[d].Label]++;
            }
            for (var g = 0; g < truths.Count; g++) if (!truthUsed[g]) counts[truths[g].Label][background]++;
            for (var d = 0; d < detections.Count; d++) if (!detectionUsed[d]) counts[background][detections[d].Label]++;
        }

        private static IEnumerable<(int Detection, int Truth)> PairsByOverlap(List<LabelledBox> detections, List<LabelledBox> truths)
        {
            var pairs = new List<(int Detection, int Truth, double Iou)>();
            for (var d = 0; d < detections.Count; d++)
                for (var g = 0; g < truths.Count; g++)
                {
                    var iou = BoxOverlap.Iou(detections[d].Box, truths[g].Box);
                    if (iou >= ThresholdMatch.IouThreshold) pairs.Add((d, g, iou));
                }
            return pairs.OrderByDescending(pair => pair.Iou).Select(pair => (pair.Detection, pair.Truth));
        }

        private static IEnumerable<LabelledBox> Listed(IEnumerable<DetectionBox>? boxes, LabelIndex labels) =>
            (boxes ?? Array.Empty<DetectionBox>())
                .Select(box => new LabelledBox(labels.Find(box.Label), box))
                .Where(box => box.Label >= 0);

        private readonly struct LabelledBox
        {
            public LabelledBox(int label, DetectionBox box)
            {
                Label = label;
                Box = box;
            }

            public int Label { get; }
            public DetectionBox Box { get; }
        }
    }
}
