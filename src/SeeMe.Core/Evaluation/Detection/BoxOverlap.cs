using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Intersection over union as pycocotools' bbIou computes it: x, y, w, h, no +1, no crowd.</summary>
    internal static class BoxOverlap
    {
        public static double Iou(DetectionBox detection, DetectionBox truth)
        {
            var width = Math.Min(detection.Width + detection.X, truth.Width + truth.X) - Math.Max(detection.X, truth.X);
            if (width <= 0) return 0;
            var height = Math.Min(detection.Height + detection.Y, truth.Height + truth.Y) - Math.Max(detection.Y, truth.Y);
            if (height <= 0) return 0;
            var intersection = width * height;
            return intersection / (detection.Area + truth.Area - intersection);
        }

        /// <summary>ious[d, g] for every detection and true box.</summary>
        public static double[,] Matrix(IReadOnlyList<DetectionBox> detections, IReadOnlyList<DetectionBox> truths)
        {
            var ious = new double[detections.Count, truths.Count];
            for (var d = 0; d < detections.Count; d++)
                for (var g = 0; g < truths.Count; g++)
                    ious[d, g] = Iou(detections[d], truths[g]);
            return ious;
        }
    }
}
