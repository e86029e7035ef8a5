using SeeMe.Server.Inference;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

public sealed class SessionCacheTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    // Same shape and file size as the default colour weights, but red → blue, green → red, blue → green.
    private static readonly float[,] Rotated = { { 0, 0, 4 }, { 4, 0, 0 }, { 0, 4, 0 } };

    private InferenceRequest RedImage(string modelPath) =>
        new("version-1", "image_classification", modelPath, _api.Labels("red", "green", "blue"), "", ImageBytes: TestImages.Solid(TestImages.Red));

    [Fact]
    public void A_new_upload_replaces_the_cached_session_without_invalidate()
    {
        var path = _api.Write("model.onnx", OnnxModelBuilder.ImageClassifier());
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);

        File.WriteAllBytes(path, OnnxModelBuilder.ImageClassifier(Rotated));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("blue", _api.Engine.Predict(RedImage(path)).Items[0].Label);
    }

    [Fact]
    public void The_session_is_reused_until_invalidated()
    {
        var path = _api.Write("model.onnx", OnnxModelBuilder.ImageClassifier());
        var written = File.GetLastWriteTimeUtc(path);
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);

        // a file with the same stamp (time and length) is taken as unchanged: the cached session answers
        var rotated = OnnxModelBuilder.ImageClassifier(Rotated);
        Assert.Equal(new FileInfo(path).Length, rotated.Length);
        File.WriteAllBytes(path, rotated);
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);

        _api.Engine.Invalidate("version-1");
        Assert.Equal("blue", _api.Engine.Predict(RedImage(path)).Items[0].Label);
    }

    [Fact]
    public void A_failed_load_is_not_cached()
    {
        var path = _api.Write("model.onnx", [0x08, 0x01, 0x02, 0x03]);
        Assert.Equal(422, _api.Refusal(RedImage(path)).Status);

        File.WriteAllBytes(path, OnnxModelBuilder.ImageClassifier());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);
    }

    [Fact]
    public void Invalidating_an_unknown_version_is_harmless()
    {
        var path = _api.Write("model.onnx", OnnxModelBuilder.ImageClassifier());
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);
        Assert.Null(Record.Exception(() => _api.Engine.Invalidate("never-seen")));
        Assert.Equal("red", _api.Engine.Predict(RedImage(path)).Items[0].Label);
    }

    [Fact]
    public async Task Concurrent_predictions_all_get_the_right_answer()
    {
        var path = _api.Write("model.onnx", OnnxModelBuilder.ImageClassifier());
        var labels = _api.Labels("red", "green", "blue");
        var colours = new[] { (TestImages.Solid(TestImages.Red), "red"), (TestImages.Solid(TestImages.Green), "green"), (TestImages.Solid(TestImages.Blue), "blue") };
        var expectedConfidence = Math.Exp(4) / (Math.Exp(4) + 2);

        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                var (image, colour) = colours[(t + i) % colours.Length];
                var result = _api.Engine.Predict(new InferenceRequest("shared-version", "image_classification", path, labels, "", ImageBytes: image));
                Assert.Equal(colour, result.Items[0].Label);
                Assert.Equal(expectedConfidence, result.Items[0].Confidence, 1e-5);
            }
        }));
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Replacing_the_model_while_predictions_run_never_breaks_a_request()
    {
        var path = _api.Write("model.onnx", OnnxModelBuilder.ImageClassifier());
        var labels = _api.Labels("red", "green", "blue");
        var image = TestImages.Solid(TestImages.Red);
        using var stop = new CancellationTokenSource();
        var made = 0;

        var predictors = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var answers = new HashSet<string>();
            while (!stop.IsCancellationRequested)
            {
                answers.Add(_api.Engine.Predict(new InferenceRequest("busy-version", "image_classification", path, labels, "", ImageBytes: image)).Items[0].Label);
                Interlocked.Increment(ref made);
            }
            return answers;
        })).ToArray();

        // Each replacement lands among running predictions, and more are made after it.
        async Task MorePredictionsAsync()
        {
            var target = Volatile.Read(ref made) + predictors.Length;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref made) < target && !predictors.Any(p => p.IsCompleted) && DateTime.UtcNow < deadline) await Task.Delay(1);
        }
        await MorePredictionsAsync();
        for (var i = 0; i < 5; i++)
        {
            _api.Engine.Invalidate("busy-version");
            await MorePredictionsAsync();
        }
        stop.Cancel();
        foreach (var answers in await Task.WhenAll(predictors)) Assert.Equal(["red"], answers);
    }
}
