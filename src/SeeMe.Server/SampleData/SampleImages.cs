using SkiaSharp;

namespace SeeMe.Server.SampleData;

/// <summary>A generated picture of one sample label: a shade of its colour with a lighter disc.</summary>
public sealed record SampleImage(string Label, string FileName, byte[] Png);

/// <summary>The sample images: a few shades per colour, the same on every run.</summary>
public static class SampleImages
{
    public const int PerLabel = 6;

    public static IReadOnlyList<SampleImage> All() =>
        SampleModel.Labels.SelectMany(label => Enumerable.Range(1, PerLabel).Select(n => Draw(label, n))).ToList();

    private static SampleImage Draw(string label, int number)
    {
        var shade = (byte)(150 + number * 15);
        var tint = (byte)(number * 10);
        var background = label switch
        {
            "red" => new SKColor(shade, tint, tint),
            "green" => new SKColor(tint, shade, tint),
            _ => new SKColor(tint, tint, shade),
        };
        using var bitmap = new SKBitmap(64, 64);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = background.WithAlpha(255), IsAntialias = true })
        {
            canvas.Clear(background);
            paint.Color = new SKColor((byte)Math.Min(255, background.Red + 40), (byte)Math.Min(255, background.Green + 40), (byte)Math.Min(255, background.Blue + 40));
            canvas.DrawCircle(16 + number * 5, 32, 6 + number, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new SampleImage(label, $"{label}-{number}.png", png.ToArray());
    }
}
