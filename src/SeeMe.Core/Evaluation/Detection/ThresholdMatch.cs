using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// One image and label at the confidence threshold: the detections scored at or above it, best first, matched
    /// greedily (COCO's rule) to the true boxes at IoU ≥ 0.5. No cap on the number of detections.
    /// </summary>
    internal readonly struct ThresholdMatch
    {
        public const double IouThreshold = 0.5;

        private ThresholdMatch(int truePositives, int detections, int truths)
        {
            TruePositives = truePositives;
            Detections = detections;
            Truths = truths;
        }

        public int TruePositives { get; }
        public int Detections { get; }
        public int Truths { get; }
        public int FalsePositives => Detections - TruePositives;
        public int FalseNegatives => Truths - TruePositives;

        public static ThresholdMatch Of(IReadOnlyList<DetectionBox> truths, IEnumerable<DetectionBox> detections, double confidenceThreshold)
        {
            var kept = AtOrAbove(detections, confidenceThreshold);
            var ious = BoxOverlap.Matrix(kept, truths);
            var matches = GreedyMatcher.Match(ious, new bool[truths.Count], IouThreshold);
            return new ThresholdMatch(matches.Count(m => m >= 0), kept.Length, truths.Count);
        }

        public static DetectionBox[] AtOrAbove(IEnumerable<DetectionBox> detections, double confidenceThreshold) =>
            CocoImageResult.ByScore(detections.Where(box => box.Score >= confidenceThreshold)).ToArray();
    }
}
