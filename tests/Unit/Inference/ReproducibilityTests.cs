using SeeMe.Server.Inference;
using SeeMe.TestModels;

namespace SeeMe.Tests.Inference;

/// <summary>
/// The same input gives the same prediction to the last bit, however often it is sent and whatever runs beside it:
/// two evaluations of one model version give one report. The model takes its mean with ReduceMean, which ONNX
/// Runtime sums differently when its input starts at an unaligned address.
/// </summary>
public sealed class ReproducibilityTests : IDisposable
{
    private readonly InferenceTestApi _api = new();
    private readonly InferenceRequest _model;
    private readonly byte[][] _images = Enumerable.Range(1, 4).Select(seed => TestPng.Noise(seed)).ToArray();

    public ReproducibilityTests() =>
        _model = _api.Request("image_classification", OnnxModelBuilder.ReduceMeanClassifier(), _api.Labels("red", "green", "blue"));

    public void Dispose() => _api.Dispose();

    /// <summary>Every class with its exact confidence, best first.</summary>
    private (string, double)[] Predict(byte[] image) =>
        _api.Engine.Predict(_model with { ImageBytes = image }).Items.Select(i => (i.Label, i.Confidence)).ToArray();

    [Fact]
    public void The_same_image_gives_the_same_bits_every_time()
    {
        var first = Predict(_images[0]);
        for (var i = 0; i < 100; i++) Assert.Equal(first, Predict(_images[0]));
    }

    [Fact]
    public async Task Different_images_predicted_concurrently_each_give_their_own_bits()
    {
        var alone = _images.Select(Predict).ToArray();
        Assert.Equal(_images.Length, alone.Select(a => a[0].Item2).Distinct().Count()); // four different answers to tell apart

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
            Enumerable.Range(0, 25).Select(i => (Image: (thread + i) % _images.Length, Answer: Predict(_images[(thread + i) % _images.Length]))).ToList())));

        foreach (var (image, answer) in together.SelectMany(t => t)) Assert.Equal(alone[image], answer);
    }
}
