using System.Runtime.InteropServices;
using SkiaSharp;

namespace SeeMe.Server.Inference;

/// <summary>Applies a photo's EXIF orientation, so the model sees the image as it is displayed.</summary>
internal static class ImageOrientation
{
    public static SKBitmap Upright(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return stored;
        int w = stored.Width, h = stored.Height;
        var swapsSides = origin >= SKEncodedOrigin.LeftTop;
        var upright = new SKBitmap(stored.Info.WithSize(swapsSides ? h : w, swapsSides ? w : h));
        var source = MemoryMarshal.Cast<byte, uint>(stored.GetPixelSpan());
        var target = MemoryMarshal.Cast<byte, uint>(upright.GetPixelSpan());
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (tx, ty) = Map(origin, x, y, w, h);
                target[ty * upright.Width + tx] = source[y * w + x];
            }
        }
        stored.Dispose();
        return upright;
    }

    /// <summary>Where stored pixel (x, y) of a w×h image is displayed.</summary>
    private static (int X, int Y) Map(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (h - 1 - y, x),
        SKEncodedOrigin.RightBottom => (h - 1 - y, w - 1 - x),
        SKEncodedOrigin.LeftBottom => (y, w - 1 - x),
        _ => (x, y),
    };
}
