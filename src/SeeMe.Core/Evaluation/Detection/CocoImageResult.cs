using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>COCOeval.evaluateImg for one image and one category (area 'all', maxDet 100).</summary>
    internal sealed class CocoImageResult
    {
        private CocoImageResult(double[] scores, bool[][] matched, bool[][] ignored, bool[] truthIgnored)
        {
            Scores = scores;
            Matched = matched;
            Ignored = ignored;
            TruthIgnored = truthIgnored;
        }

        /// <summary>The kept detections' scores, best first.</summary>
        public double[] Scores { get; }

        /// <summary>[threshold][detection]: matched to a true box.</summary>
        public bool[][] Matched { get; }

        /// <summary>[threshold][detection]: matched to an ignored true box, or unmatched and outside the area range.</summary>
        public bool[][] Ignored { get; }

        public bool[] TruthIgnored { get; }

        /// <summary>Null when the image has neither true nor predicted boxes of the category (COCO's None).</summary>
        public static CocoImageResult? Evaluate(IReadOnlyList<DetectionBox> truths, IReadOnlyList<DetectionBox> detections)
        {
            if (truths.Count == 0 && detections.Count == 0) return null;
            var sortedTruths = truths.OrderBy(truth => CocoParameters.OutsideAreaRange(truth.Area) ? 1 : 0).ToArray();
            var truthIgnored = sortedTruths.Select(truth => CocoParameters.OutsideAreaRange(truth.Area)).ToArray();
            var kept = ByScore(detections).Take(CocoParameters.MaxDetections).ToArray();
            var ious = BoxOverlap.Matrix(kept, sortedTruths);

            var thresholds = CocoParameters.IouThresholds;
            var matched = new bool[thresholds.Length][];
            var ignored = new bool[thresholds.Length][];
            for (var t = 0; t < thresholds.Length; t++)
            {
                var matches = GreedyMatcher.Match(ious, truthIgnored, thresholds[t]);
                matched[t] = matches.Select(m => m >= 0).ToArray();
                ignored[t] = matches.Select((m, d) => m >= 0 ? truthIgnored[m] : CocoParameters.OutsideAreaRange(kept[d].Area)).ToArray();
            }
            return new CocoImageResult(kept.Select(box => box.Score).ToArray(), matched, ignored, truthIgnored);
        }

        /// <summary>Best score first; equal scores keep their order (numpy's mergesort is stable, and so is OrderBy).</summary>
        public static IEnumerable<DetectionBox> ByScore(IEnumerable<DetectionBox> detections) =>
            detections.OrderByDescending(box => box.Score);
    }
}
