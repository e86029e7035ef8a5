using SkiaSharp;

namespace SeeMe.Tests.Infrastructure;

/// <summary>Solid-colour test images in several formats.</summary>
public static class TestImages
{
    public static readonly SKColor Red = new(255, 0, 0);
    public static readonly SKColor Green = new(0, 255, 0);
    public static readonly SKColor Blue = new(0, 0, 255);

    public static byte[] Solid(SKColor colour, int width = 20, int height = 12, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    /// <summary>A 24-bit uncompressed BMP (SkiaSharp decodes BMP but does not encode it).</summary>
    public static byte[] SolidBmp(SKColor colour, int width = 4, int height = 4)
    {
        var rowSize = (width * 3 + 3) / 4 * 4;
        var bmp = new byte[54 + rowSize * height];
        void Int(int offset, int value) => BitConverter.GetBytes(value).CopyTo(bmp, offset);
        bmp[0] = (byte)'B'; bmp[1] = (byte)'M';
        Int(2, bmp.Length); Int(10, 54); Int(14, 40); Int(18, width); Int(22, height);
        bmp[26] = 1; bmp[28] = 24; Int(34, rowSize * height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var p = 54 + y * rowSize + x * 3;
                bmp[p] = colour.Blue; bmp[p + 1] = colour.Green; bmp[p + 2] = colour.Red;
            }
        return bmp;
    }
}
