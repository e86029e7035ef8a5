namespace SeeMe.Core.Evaluation
{
    /// <summary>COCOeval's default bbox parameters, with its numbers computed the way numpy.linspace computes them.</summary>
    internal static class CocoParameters
    {
        /// <summary>np.linspace(.5, 0.95, 10): i·step + 0.5, the last exactly 0.95.</summary>
        public static readonly double[] IouThresholds = Linspace(0.5, 0.95, 10);

        /// <summary>np.linspace(.0, 1.00, 101): COCO's 101 recall points.</summary>
        public static readonly double[] RecallThresholds = Linspace(0.0, 1.0, 101);

        /// <summary>maxDets[-1]: COCOeval keeps the 100 best-scored detections per image and category.</summary>
        public const int MaxDetections = 100;

        /// <summary>The area range 'all': [0 ** 2, 1e5 ** 2].</summary>
        public const double MinArea = 0;
        public const double MaxArea = 1e10;

        /// <summary>COCOeval caps the IoU threshold at 1 − 1e-10, so a perfect overlap still matches at every threshold.</summary>
        public const double IouCeiling = 1 - 1e-10;

        /// <summary>np.spacing(1), added to precision's denominator.</summary>
        public const double Epsilon = 2.220446049250313e-16;

        public static bool OutsideAreaRange(double area) => area < MinArea || area > MaxArea;

        private static double[] Linspace(double start, double stop, int count)
        {
            var step = (stop - start) / (count - 1);
            var values = new double[count];
            for (var i = 0; i < count; i++) values[i] = i * step + start;
            values[count - 1] = stop;
            return values;
        }
    }
}
