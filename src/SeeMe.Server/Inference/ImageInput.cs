using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SeeMe.Server.Domain;
using SkiaSharp;

namespace SeeMe.Server.Inference;

/// <summary>How a model wants its image: size, channel count and order, element type.</summary>
internal sealed record ImageTensorSpec(string InputName, int Width, int Height, int Channels, bool ChannelsLast, bool Bytes)
{
    /// <summary>Reads the spec from the model's single rank-4 image input; dynamic sizes come from config or the default.</summary>
    public static ImageTensorSpec For(LoadedModel model, InferenceConfig config, int defaultSize)
    {
        var input = SingleImageInput(model);
        var dims = input.Dimensions;
        var channelsLast = dims[1] is not (1 or 3) && dims[3] is 1 or 3;
        var channels = channelsLast ? dims[3] : dims[1] is 1 ? 1 : 3;
        var (h, w) = channelsLast ? (dims[1], dims[2]) : (dims[2], dims[3]);
        return new ImageTensorSpec(input.Name,
            Width: w > 0 ? w : config.InputWidth ?? defaultSize,
            Height: h > 0 ? h : config.InputHeight ?? defaultSize,
            channels, channelsLast, Bytes: input.ElementType == TensorElementType.UInt8);
    }

    public long[] Shape => ChannelsLast ? [1, Height, Width, Channels] : [1, Channels, Height, Width];

    private static ModelPort SingleImageInput(LoadedModel model)
    {
        if (model.Inputs.Count != 1)
            throw DomainException.ModelCannotRun($"The model takes {model.Inputs.Count} inputs ({string.Join(", ", model.Inputs.Select(i => i.Name))}); " +
                                        "an image model must take one image tensor.");
        var input = model.Inputs[0];
        var imageLike = input.IsTensor && input.Dimensions.Length == 4 &&
                        input.ElementType is TensorElementType.Float or TensorElementType.UInt8;
        if (!imageLike)
            throw DomainException.ModelCannotRun($"The model's input '{input.Name}' is {input.Describe()}, not an image tensor " +
                                        "(float or uint8, NCHW or NHWC): this model cannot take an image.");
        return input;
    }
}

/// <summary>Decodes an uploaded image and turns it into the tensor a model wants.</summary>
internal static class ImageInput
{
    /// <summary>The largest decoded image (about 256 MB of RGBA).</summary>
    public const long MaxPixels = 64_000_000;

    /// <summary>The request's image (from its file when it has one, streamed, so the encoded image is never held twice).</summary>
    public static SKBitmap Decode(InferenceRequest request)
    {
        if (request.ImagePath is null) return Decode(request.ImageBytes);
        using var codec = SKCodec.Create(request.ImagePath) ?? throw NotAnImage();
        return Decode(codec);
    }

    /// <summary>Decodes JPEG, PNG, WebP, BMP, GIF... into unpremultiplied RGBA, upright per EXIF; anything else is a 400.</summary>
    public static SKBitmap Decode(byte[]? bytes)
    {
        if (bytes is not { Length: > 0 }) throw NotAnImage();
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw NotAnImage();
        return Decode(codec);
    }

    private static SKBitmap Decode(SKCodec codec)
    {
        var info = DecodeSize(codec).WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput) return ImageOrientation.Upright(bitmap, codec.EncodedOrigin);
        bitmap.Dispose();
        throw NotAnImage();
    }

    /// <summary>The full size, or for huge images a smaller size the codec can decode to (JPEG); refused if still too large.</summary>
    private static SKImageInfo DecodeSize(SKCodec codec)
    {
        var info = codec.Info;
        if ((long)info.Width * info.Height <= MaxPixels) return info;
        var scaled = codec.GetScaledDimensions((float)Math.Sqrt((double)MaxPixels / ((long)info.Width * info.Height)));
        if ((long)scaled.Width * scaled.Height > MaxPixels)
            throw DomainException.Invalid($"The image is too large ({info.Width}×{info.Height} pixels); send at most {MaxPixels / 1_000_000} megapixels.");
        return info.WithSize(scaled);
    }

    /// <summary>
    /// The image resized (stretched) to the spec, scaled to [0,1] and normalised with the config's mean/std,
    /// in ONNX Runtime's memory (see <see cref="OrtTensors"/>: the same image gives the same bits).
    /// </summary>
    public static OrtValue ToTensor(SKBitmap image, ImageTensorSpec spec, InferenceConfig config)
    {
        var target = new SKImageInfo(spec.Width, spec.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = image.Resize(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
                            ?? throw DomainException.Invalid("The image could not be resized for the model.");
        if (spec.Bytes) return OrtTensors.Create<byte>(spec.Shape, tensor => Fill(resized.GetPixelSpan(), spec, tensor, (_, v) => (byte)v));
        var normalise = Normaliser(spec.Channels, config);
        return OrtTensors.Create<float>(spec.Shape, tensor => Fill(resized.GetPixelSpan(), spec, tensor, normalise));
    }

    private static void Fill<T>(ReadOnlySpan<byte> rgba, ImageTensorSpec spec, Span<T> tensor, Func<int, float, T> value)
    {
        int pixelCount = spec.Width * spec.Height, channels = spec.Channels;
        for (var p = 0; p < pixelCount; p++)
        {
            for (var c = 0; c < channels; c++)
            {
                var raw = channels == 1 ? Luminance(rgba, p) : rgba[p * 4 + c];
                var index = spec.ChannelsLast ? p * channels + c : c * pixelCount + p;
                tensor[index] = value(c, raw);
            }
        }
    }

    private static float Luminance(ReadOnlySpan<byte> rgba, int p) =>
        MathF.Round(0.299f * rgba[p * 4] + 0.587f * rgba[p * 4 + 1] + 0.114f * rgba[p * 4 + 2]);

    /// <summary>Maps a 0–255 channel value to the model's float: /255, then (v - mean) / std when configured.</summary>
    private static Func<int, float, float> Normaliser(int channels, InferenceConfig config)
    {
        var mean = PerChannel(config.Mean, channels, "mean") ?? new float[channels];
        var std = PerChannel(config.Std, channels, "std") ?? Enumerable.Repeat(1f, channels).ToArray();
        if (std.Any(s => s == 0)) throw DomainException.ModelCannotRun("The version config's 'std' must not contain 0.");
        var scale = mean.Any(m => m > 1) ? 1f : 255f; // a mean above 1 is on the 0–255 scale
        return (c, v) => (v / scale - mean[c]) / std[c];
    }

    private static float[]? PerChannel(float[]? values, int channels, string key) => values switch
    {
        null => null,
        { Length: 1 } => Enumerable.Repeat(values[0], channels).ToArray(),
        _ when values.Length == channels => values,
        _ => throw DomainException.ModelCannotRun($"The version config's '{key}' has {values.Length} values; the model's image has {channels} channels."),
    };

    private static DomainException NotAnImage() =>
        DomainException.Invalid("The uploaded file is not an image (JPEG, PNG, WebP, BMP or GIF expected).");
}
