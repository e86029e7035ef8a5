using SeeMe.Server.Domain;
using SkiaSharp;

namespace SeeMe.Server.Images;

/// <summary>
/// Image checks and thumbnails with SkiaSharp: an upload counts as an image only when it decodes
/// (JPEG, PNG, WebP, BMP, GIF); thumbnails are JPEG, longest side at most <see cref="MaxSide"/> px.
/// </summary>
public static class Thumbnails
{
    public const int MaxSide = 256;
    public const string Extension = "jpg";

    /// <summary>The image format's usual extension ("jpg", "png", ...) when the file decodes; else 400 "not an image".</summary>
    public static string RequireImage(string path, string what = "The file")
    {
        using var bitmap = Decode(path, out var format) ?? throw DomainException.Invalid($"{what} is not an image (JPEG, PNG, WebP or BMP).");
        return format;
    }

    /// <summary>True when the file's header is a known image format (cheap: nothing is decoded).</summary>
    public static bool LooksLikeImage(string path)
    {
        using var codec = SKCodec.Create(path);
        return codec is not null;
    }

    /// <summary>
    /// Checks that <paramref name="sourcePath"/> is an image (400 "not an image" otherwise), writes its
    /// JPEG thumbnail to <paramref name="thumbnailPath"/> and returns the format's extension.
    /// </summary>
    public static string CheckAndWrite(string sourcePath, string thumbnailPath, string what = "The file")
    {
        using var bitmap = Decode(sourcePath, out var format) ?? throw DomainException.Invalid($"{what} is not an image (JPEG, PNG, WebP or BMP).");
        Write(bitmap, thumbnailPath);
        return format;
    }

    /// <summary>Writes a JPEG thumbnail of <paramref name="sourcePath"/> to <paramref name="thumbnailPath"/>; false when it does not decode.</summary>
    public static bool TryWrite(string sourcePath, string thumbnailPath)
    {
        using var bitmap = Decode(sourcePath, out _);
        if (bitmap is null) return false;
        Write(bitmap, thumbnailPath);
        return true;
    }

    private static void Write(SKBitmap bitmap, string thumbnailPath)
    {
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White); // JPEG has no alpha: transparent parts become white
        using (var image = SKImage.FromBitmap(bitmap))
            surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        using var target = File.Create(thumbnailPath);
        data.SaveTo(target);
    }

    public static string ContentType(string extension) => extension.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "gif" => "image/gif",
        _ => "application/octet-stream",
    };

    /// <summary>Largest image accepted, in pixels (guards against decompression bombs and garbage headers).</summary>
    public const long MaxPixels = 100_000_000;

    // Decodes the whole image (at a reduced size when the codec can, e.g. JPEG at 1/2, 1/4, 1/8):
    // null when it is not an image, is truncated or claims an absurd size.
    private static SKBitmap? Decode(string path, out string format)
    {
        format = "";
        using var codec = SKCodec.Create(path);
        if (codec is null) return null;
        format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "jpg",
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Webp => "webp",
            SKEncodedImageFormat.Bmp => "bmp",
            SKEncodedImageFormat.Gif => "gif",
            _ => "",
        };
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (format.Length == 0 || width <= 0 || height <= 0 || (long)width * height > MaxPixels) return null;

        var size = DecodeSize(codec, Math.Max(width, height));
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap();
        try
        {
            if (bitmap.TryAllocPixels(info) && codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // a codec failure is "not an image"
        }
        bitmap.Dispose();
        return null;
    }

    // The smallest size the codec decodes to whose longest side still reaches MaxSide (or the full size).
    private static SKSizeI DecodeSize(SKCodec codec, int longest)
    {
        for (var scale = Math.Min(1f, (float)MaxSide / longest); scale < 1f; scale += 1f / 16)
        {
            var size = codec.GetScaledDimensions(scale);
            if (Math.Max(size.Width, size.Height) >= MaxSide) return size;
        }
        return codec.Info.Size;
    }
}
