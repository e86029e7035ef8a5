using System.Globalization;

namespace SeeMe.Server.Inference;

/// <summary>One detected box, relative to the image (0..1), centre and size.</summary>
internal sealed record Detection(int ClassIndex, double Confidence, double CenterX, double CenterY, double Width, double Height)
{
    public double Left => CenterX - Width / 2;
    public double Top => CenterY - Height / 2;
    public double Right => CenterX + Width / 2;
    public double Bottom => CenterY + Height / 2;
    public bool IsFinite => double.IsFinite(CenterX) && double.IsFinite(CenterY) && double.IsFinite(Width) && double.IsFinite(Height);

    /// <summary>The box cut to the image's edges.</summary>
    public Detection ClampedToImage()
    {
        double left = Math.Clamp(Left, 0, 1), top = Math.Clamp(Top, 0, 1);
        double right = Math.Clamp(Right, 0, 1), bottom = Math.Clamp(Bottom, 0, 1);
        return this with { CenterX = (left + right) / 2, CenterY = (top + bottom) / 2, Width = right - left, Height = bottom - top };
    }

    public double IntersectionOverUnion(Detection other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (width <= 0 || height <= 0) return 0;
        var intersection = width * height;
        return intersection / (Width * Height + other.Width * other.Height - intersection);
    }

    /// <summary>The YOLO annotation form "x_center y_center width height".</summary>
    public string Coordinates => string.Join(' ', new[] { CenterX, CenterY, Width, Height }.Select(Format));

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>Greedy non-maximum suppression, class by class.</summary>
internal static class NonMaximumSuppression
{
    public const int MaxDetections = 300;

    public static IReadOnlyList<Detection> Apply(IEnumerable<Detection> candidates, double iouThreshold)
    {
        var kept = new List<Detection>();
        foreach (var detection in candidates.OrderByDescending(d => d.Confidence))
        {
            if (kept.Any(k => k.ClassIndex == detection.ClassIndex && k.IntersectionOverUnion(detection) > iouThreshold)) continue;
            kept.Add(detection);
            if (kept.Count == MaxDetections) break;
        }
        return kept;
    }
}
