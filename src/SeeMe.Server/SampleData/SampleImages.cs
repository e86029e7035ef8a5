using SkiaSharp;

namespace SeeMe.Server.SampleData;

/// <summary>A generated picture of one sample label: a shade of its colour with a lighter disc.</summary>
public sealed record SampleImage(string Label, int Number, byte[] Png)
{
    public string FileName => $"{Label}-{Number}.png";

    /// <summary>The first pictures of each colour train, the one before last validates, the last one tests.</summary>
    public string Split => Number <= SampleImages.PerLabel - 2 ? "train" : Number == SampleImages.PerLabel - 1 ? "valid" : "test";
}

/// <summary>The sample images: a few shades per colour, the same on every run.</summary>
public static class SampleImages
{
    public const int PerLabel = 6;

    public static IReadOnlyList<SampleImage> All() =>
        SampleModel.Labels.SelectMany(label => Enumerable.Range(1, PerLabel).Select(n => Draw(label, n))).ToList();

    private static SampleImage Draw(string label, int number)
    {
        byte shade = (byte)(150 + number * 15), tint = (byte)(number * 10);
        var background = label switch
        {
            "red" => new SKColor(shade, tint, tint),
            "green" => new SKColor(tint, shade, tint),
            _ => new SKColor(tint, tint, shade),
        };
        var disc = new SKColor(Lighter(background.Red), Lighter(background.Green), Lighter(background.Blue));
        using var bitmap = new SKBitmap(64, 64);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = disc, IsAntialias = true })
        {
            canvas.Clear(background);
            canvas.DrawCircle(16 + number * 5, 32, 6 + number, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new SampleImage(label, number, png.ToArray());
    }

    private static byte Lighter(byte channel) => (byte)Math.Min(255, channel + 40);
}
