namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// One box, as COCO's bbox: <see cref="X"/>, <see cref="Y"/> is the top-left corner, then
    /// <see cref="Width"/> and <see cref="Height"/>. Pixels or relative to the image (0 to 1): any unit,
    /// as long as the true and the predicted boxes of an outcome use the same one.
    /// </summary>
    public sealed class DetectionBox
    {
        public DetectionBox() { }

        public DetectionBox(string label, double x, double y, double width, double height, double score = 1)
        {
            Label = label;
            X = x;
            Y = y;
            Width = width;
            Height = height;
            Score = score;
        }

        public string Label { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }

        /// <summary>The detection's confidence; 1 for a ground-truth box.</summary>
        public double Score { get; set; } = 1;

        public double Area => Width * Height;

        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} [{1}, {2}, {3}, {4}] {5}", Label, X, Y, Width, Height, Score);
    }
}
