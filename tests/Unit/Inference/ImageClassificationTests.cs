using SkiaSharp;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

public sealed class ImageClassificationTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    /// <summary>Softmax probability of the first logit among three.</summary>
    private static double SoftmaxFirst(double winner, double other) => Math.Exp(winner) / (Math.Exp(winner) + 2 * Math.Exp(other));

    private InferenceRequestBuilder Classifier(byte[] model, string config = "") =>
        new(_api, _api.Request("image_classification", model, _api.Labels("red", "green", "blue"), config));

    [Fact]
    public void A_red_image_is_red_with_the_softmax_of_the_logits()
    {
        var result = Classifier(OnnxModelBuilder.ImageClassifier()).Predict(TestImages.Solid(TestImages.Red));

        Assert.Equal(["red", "green", "blue"], result.Items.Select(i => i.Label));
        Assert.Equal(SoftmaxFirst(4, 0), result.Items[0].Confidence, 1e-5);
        Assert.Equal(3, result.Items.Count);
        Assert.Equal(1.0, result.Items.Sum(i => i.Confidence), 1e-6);
        Assert.True(result.ModelTime > TimeSpan.Zero);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Each_image_format_decodes(SKEncodedImageFormat format)
    {
        var classifier = Classifier(OnnxModelBuilder.ImageClassifier());
        Assert.Equal("green", classifier.Predict(TestImages.Solid(TestImages.Green, format: format)).Items[0].Label);
        Assert.Equal("blue", classifier.Predict(TestImages.Solid(TestImages.Blue, format: format)).Items[0].Label);
    }

    [Theory]
    [InlineData(255, 0, 0, "red")]
    [InlineData(0, 200, 0, "green")]
    [InlineData(10, 20, 255, "blue")]
    public void The_png_writer_of_the_test_models_gives_images_the_engine_decodes(byte r, byte g, byte b, string expected)
    {
        var result = Classifier(OnnxModelBuilder.ImageClassifier()).Predict(TestPng.Solid(r, g, b, 24, 10));
        Assert.Equal(expected, result.Items[0].Label);
        var logits = new[] { 4.0 * r / 255, 4.0 * g / 255, 4.0 * b / 255 };
        var softmax = Math.Exp(logits.Max()) / logits.Sum(Math.Exp);
        Assert.Equal(softmax, result.Items[0].Confidence, 1e-5);
    }

    [Fact]
    public void A_bmp_image_decodes()
    {
        var result = Classifier(OnnxModelBuilder.ImageClassifier()).Predict(TestImages.SolidBmp(TestImages.Blue));
        Assert.Equal("blue", result.Items[0].Label);
        Assert.Equal(SoftmaxFirst(4, 0), result.Items[0].Confidence, 1e-5);
    }

    [Theory]
    [InlineData(ImageLayout.Nchw, false)]
    [InlineData(ImageLayout.Nhwc, false)]
    [InlineData(ImageLayout.Nchw, true)]
    [InlineData(ImageLayout.Nhwc, true)]
    public void Nchw_nhwc_float_and_uint8_inputs_give_the_same_answer(ImageLayout layout, bool uint8)
    {
        var result = Classifier(OnnxModelBuilder.ImageClassifier(layout: layout, uint8: uint8)).Predict(TestImages.Solid(TestImages.Red));
        Assert.Equal("red", result.Items[0].Label);
        Assert.Equal(SoftmaxFirst(4, 0), result.Items[0].Confidence, 1e-5);
    }

    [Theory]
    [InlineData("""{"mean":[0.5,0.5,0.5],"std":[0.5,0.5,0.5]}""")]
    [InlineData("""{"mean":0.5,"std":0.5}""")]
    [InlineData("""{"mean":[127.5,127.5,127.5],"std":[127.5,127.5,127.5]}""")]
    public void Mean_and_std_from_the_config_normalise_the_pixels(string config)
    {
        // red (1,0,0) normalised to (1,-1,-1): logits (4,-4,-4)
        var result = Classifier(OnnxModelBuilder.ImageClassifier(), config).Predict(TestImages.Solid(TestImages.Red));
        Assert.Equal("red", result.Items[0].Label);
        Assert.Equal(SoftmaxFirst(4, -4), result.Items[0].Confidence, 1e-5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"input_size":32}""")]
    [InlineData("""{"input_size":[16,48]}""")]
    public void Dynamic_image_sizes_use_the_config_or_the_default(string config)
    {
        var result = Classifier(OnnxModelBuilder.ImageClassifier(dynamicSize: true), config).Predict(TestImages.Solid(TestImages.Green));
        Assert.Equal("green", result.Items[0].Label);
        Assert.Equal(SoftmaxFirst(4, 0), result.Items[0].Confidence, 1e-5);
    }

    [Fact]
    public void Without_a_labels_file_classes_are_named_by_index()
    {
        var request = _api.Request("image_classification", OnnxModelBuilder.ImageClassifier()) with { ImageBytes = TestImages.Solid(TestImages.Blue) };
        Assert.Equal(["2", "0", "1"], _api.Engine.Predict(request).Items.Select(i => i.Label));
    }

    [Fact]
    public void Outputs_that_already_are_probabilities_are_not_softmaxed_again()
    {
        // weights of 1: a red image gives (1, 0, 0), already a probability distribution
        var identity = new float[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        var result = Classifier(OnnxModelBuilder.ImageClassifier(identity)).Predict(TestImages.Solid(TestImages.Red));
        Assert.Equal("red", result.Items[0].Label);
        Assert.Equal(1.0, result.Items[0].Confidence, 1e-6);
    }
}

/// <summary>Sends images to one prepared request.</summary>
internal sealed class InferenceRequestBuilder(InferenceTestApi api, SeeMe.Server.Inference.InferenceRequest request)
{
    public SeeMe.Server.Inference.InferenceResult Predict(byte[] image) => api.Engine.Predict(request with { ImageBytes = image });
}

public sealed class ImageOrientationTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    /// <summary>A JPEG whose halves have two colours, with an EXIF orientation tag (1 = as stored).</summary>
    private static byte[] TwoColourJpeg(bool sideBySide, ushort orientation)
    {
        using var bitmap = new SKBitmap(16, 16);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(TestImages.Blue);
            using var red = new SKPaint { Color = TestImages.Red };
            canvas.DrawRect(sideBySide ? new SKRect(0, 0, 8, 16) : new SKRect(0, 0, 16, 8), red); // red left, or red top
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        var jpeg = data.ToArray();
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD at 8
            0x00, 0x01,                                               // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,           // Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,                                   // no next IFD
        ];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    [Theory]
    [InlineData(true, 1, "red")]    // as stored: red on the left
    [InlineData(true, 2, "blue")]   // mirrored
    [InlineData(true, 3, "blue")]   // rotated 180°
    [InlineData(false, 6, "blue")]  // rotated 90° clockwise: the red top goes right
    [InlineData(false, 8, "red")]   // rotated 90° counter-clockwise: the red top goes left
    public void Exif_orientation_is_applied_before_the_model_sees_the_image(bool sideBySide, ushort orientation, string expected)
    {
        var model = OnnxModelBuilder.ImageClassifier(size: 16, leftHalf: true);
        var request = _api.Request("image_classification", model, _api.Labels("red", "green", "blue")) with { ImageBytes = TwoColourJpeg(sideBySide, orientation) };
        Assert.Equal(expected, _api.Engine.Predict(request).Items[0].Label);
    }
}
