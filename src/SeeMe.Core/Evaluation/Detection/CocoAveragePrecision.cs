using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Per label AP at IoU 0.50 and over 0.50:0.95, and their means over the labels that have true boxes.</summary>
    internal sealed class CocoAveragePrecision
    {
        private CocoAveragePrecision(double?[] ap50, double?[] ap, double? map50, double? map)
        {
            Ap50 = ap50;
            Ap = ap;
            Map50 = map50;
            Map = map;
        }

        public double?[] Ap50 { get; }
        public double?[] Ap { get; }
        public double? Map50 { get; }
        public double? Map { get; }

        public static CocoAveragePrecision Compute(IReadOnlyList<ImageBoxes> images, int labelCount)
        {
            var tables = new double[][]?[labelCount];
            for (var k = 0; k < labelCount; k++)
            {
                var perImage = images.Select(image => CocoImageResult.Evaluate(image.Truths[k], image.Detections[k])).ToList();
                tables[k] = CocoAccumulator.Precision(perImage);
            }
            var present = tables.Where(table => table != null).Select(table => table!).ToList();
            return new CocoAveragePrecision(
                tables.Select(table => table == null ? (double?)null : Mean(table.Take(1))).ToArray(),
                tables.Select(table => table == null ? (double?)null : Mean(table)).ToArray(),
                present.Count == 0 ? (double?)null : Mean(present.Select(table => table[0])),
                present.Count == 0 ? (double?)null : Mean(present.SelectMany(table => table)));
        }

        /// <summary>The mean of every value, as COCO's summarize takes np.mean over the selected precisions.</summary>
        private static double Mean(IEnumerable<double[]> rows)
        {
            double sum = 0;
            var count = 0;
            foreach (var row in rows)
                foreach (var value in row) { sum += value; count++; }
            return sum / count;
        }
    }
}
