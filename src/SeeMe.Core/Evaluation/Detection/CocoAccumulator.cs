using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>COCOeval.accumulate for one category: the precision at each IoU threshold and recall point.</summary>
    internal static class CocoAccumulator
    {
        /// <summary>precision[threshold][recall point], or null where COCO writes -1 (no true box of the category).</summary>
        public static double[][]? Precision(IReadOnlyList<CocoImageResult?> images)
        {
            var evaluated = images.Where(image => image != null).Select(image => image!).ToList();
            if (evaluated.Count == 0) return null;
            var truthCount = evaluated.Sum(image => image.TruthIgnored.Count(ignored => !ignored));
            if (truthCount == 0) return null;

            var scores = evaluated.SelectMany(image => image.Scores).ToArray();
            // Images are concatenated in order, then a stable sort: ties across images break by image order.
            var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
            var thresholds = CocoParameters.IouThresholds;
            var precision = new double[thresholds.Length][];
            for (var t = 0; t < thresholds.Length; t++)
            {
                var matched = evaluated.SelectMany(image => image.Matched[t]).ToArray();
                var ignored = evaluated.SelectMany(image => image.Ignored[t]).ToArray();
                precision[t] = AtRecallPoints(order.Select(i => matched[i]).ToArray(), order.Select(i => ignored[i]).ToArray(), truthCount);
            }
            return precision;
        }

        private static double[] AtRecallPoints(bool[] matched, bool[] ignored, int truthCount)
        {
            var count = matched.Length;
            var recall = new double[count];
            var precision = new double[count];
            double truePositives = 0, falsePositives = 0;
            for (var i = 0; i < count; i++)
            {
                if (!ignored[i] && matched[i]) truePositives++;
                if (!ignored[i] && !matched[i]) falsePositives++;
                recall[i] = truePositives / truthCount;
                precision[i] = truePositives / (falsePositives + truePositives + CocoParameters.Epsilon);
            }
            for (var i = count - 1; i > 0; i--)
                if (precision[i] > precision[i - 1]) precision[i - 1] = precision[i];

            var points = CocoParameters.RecallThresholds;
            var atPoints = new double[points.Length];
            for (var r = 0; r < points.Length; r++)
            {
                var index = FirstAtLeast(recall, points[r]);
                if (index >= count) break;
                atPoints[r] = precision[index];
            }
            return atPoints;
        }

        /// <summary>np.searchsorted(sorted, value, side='left'): the first index whose value is ≥ value.</summary>
        private static int FirstAtLeast(double[] sorted, double value)
        {
            int low = 0, high = sorted.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (sorted[middle] < value) low = middle + 1; else high = middle;
            }
            return low;
        }
    }
}
