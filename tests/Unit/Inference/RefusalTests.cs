using SeeMe.Server.Inference;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

/// <summary>Versions that cannot run get a 4xx that says why, never a prediction.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    private static InferenceRequest ImageRequest(string modelPath) =>
        new(Guid.NewGuid().ToString("N"), "image_classification", modelPath, null, "", ImageBytes: TestImages.Solid(TestImages.Red));

    [Fact]
    public void A_version_without_a_model_file()
    {
        var error = _api.Refusal(ImageRequest(null));
        Assert.Equal(422, error.Status);
        Assert.Contains("no model file", error.Message);
    }

    [Fact]
    public void A_model_file_missing_from_disk()
    {
        var error = _api.Refusal(ImageRequest(Path.Combine(_api.Folder, "gone.onnx")));
        Assert.Equal(422, error.Status);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void A_pickle_is_not_an_onnx_model()
    {
        byte[] pickle = [0x80, 0x04, 0x95, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x8c, 0x08, 0x62, 0x75, 0x69];
        var error = _api.Refusal(ImageRequest(_api.Write("export.pkl", pickle)));
        Assert.Equal(422, error.Status);
        Assert.Contains("'export.pkl' is not an ONNX model", error.Message);
        Assert.Contains("pickle", error.Message);
    }

    [Fact]
    public void A_corrupt_onnx_file_cannot_be_loaded()
    {
        var random = new byte[2048];
        new Random(42).NextBytes(random);
        var error = _api.Refusal(ImageRequest(_api.Write("model.onnx", random)));
        Assert.Equal(422, error.Status);
        Assert.StartsWith("The .onnx file 'model.onnx' could not be loaded: ", error.Message);
        Assert.DoesNotContain(_api.Folder, error.Message); // the server's own paths stay out of replies
    }

    [Fact]
    public void A_truncated_onnx_file_cannot_be_loaded()
    {
        var model = OnnxModelBuilder.ImageClassifier();
        var error = _api.Refusal(ImageRequest(_api.Write("model.onnx", model[..(model.Length / 2)])));
        Assert.Equal(422, error.Status);
        Assert.Contains("could not be loaded", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image()
    {
        var request = ImageRequest(_api.Write("model.onnx", OnnxModelBuilder.ImageClassifier())) with { ImageBytes = "hello"u8.ToArray() };
        var error = _api.Refusal(request);
        Assert.Equal(400, error.Status);
        Assert.Contains("not an image", error.Message);
    }

    [Fact]
    public void An_image_model_without_an_image()
    {
        var request = ImageRequest(_api.Write("model.onnx", OnnxModelBuilder.ImageClassifier())) with { ImageBytes = null, Text = "red" };
        var error = _api.Refusal(request);
        Assert.Equal(400, error.Status);
        Assert.Contains("needs an image", error.Message);
    }

    [Theory]
    [InlineData("ner")]
    [InlineData("language_model")]
    [InlineData("")]
    public void Application_types_the_engine_does_not_run(string applicationType)
    {
        var request = ImageRequest(_api.Write("model.onnx", OnnxModelBuilder.ImageClassifier())) with { ApplicationType = applicationType };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains($"'{applicationType}'", error.Message);
    }

    [Theory]
    [InlineData("""{"mean":"half"}""", "'mean'")]
    [InlineData("""{"confidence_threshold":2}""", "'confidence_threshold'")]
    [InlineData("""{"mean":[0.5,0.5]}""", "'mean' has 2 values")]
    public void A_wrong_config_value_is_named(string config, string expected)
    {
        var request = ImageRequest(_api.Write("model.onnx", OnnxModelBuilder.ImageClassifier())) with { ConfigJson = config };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("free text, not JSON")]
    [InlineData("""{"something_else":true}""")]
    public void A_config_without_inference_keys_is_ignored(string config)
    {
        var request = ImageRequest(_api.Write("model.onnx", OnnxModelBuilder.ImageClassifier())) with { ConfigJson = config };
        Assert.Equal("0", _api.Engine.Predict(request).Items[0].Label);
    }
}

public sealed class BrokenOutputTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public void Scores_that_are_not_finite_are_refused()
    {
        var nan = new float[,] { { float.NaN, 0, 0 }, { 0, 4, 0 }, { 0, 0, 4 } };
        var request = _api.Request("image_classification", OnnxModelBuilder.ImageClassifier(nan)) with { ImageBytes = TestImages.Solid(TestImages.Red) };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains("not finite", error.Message);
    }
}

public sealed class LargeImageTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public void A_png_declaring_too_many_pixels_is_refused_before_decoding()
    {
        // a valid 1×1 PNG whose header is patched to claim 20000×20000 pixels (400 megapixels)
        var png = TestImages.Solid(TestImages.Red, 1, 1);
        png[16] = 0; png[17] = 0; png[18] = 0x4E; png[19] = 0x20; // IHDR width
        png[20] = 0; png[21] = 0; png[22] = 0x4E; png[23] = 0x20; // IHDR height
        var crc = Crc32(png.AsSpan(12, 17));                       // chunk type and data
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;
        var request = _api.Request("image_classification", OnnxModelBuilder.ImageClassifier()) with { ImageBytes = png };
        var error = _api.Refusal(request);
        Assert.Equal(400, error.Status);
        Assert.Contains("too large (20000×20000 pixels)", error.Message);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
