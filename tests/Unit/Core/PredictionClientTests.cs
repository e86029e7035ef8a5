using System.Collections;
using SeeMe.Core;
using SeeMe.Core.Clients;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.Core;

/// <summary>
/// Predictions end to end: SeeMeClient → the in-process server over HTTP → ONNX Runtime running real
/// models with known weights, and back as <see cref="Prediction"/> objects.
/// </summary>
public sealed class PredictionClientTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A model of <paramref name="kind"/> with the ONNX file and (when given) labels.txt uploaded to its active version.</summary>
    private async Task<Model> RealModelAsync(SeeMeClient client, string kind, byte[] onnx, string[] labels)
    {
        var model = await client.Models.CreateAsync(new Model { Name = CoreClients.Unique(kind), ApplicationType = kind });
        var version = await client.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("model") + "/model.onnx", onnx));
        Assert.True(version.CanInference);
        if (labels is not null) await client.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("labels") + "/labels.txt", LabelsFile(labels)));
        return model;
    }

    private string Png(string name, byte[] png) => _files.Bytes(name, png);

    private static void AssertItems(Prediction prediction, params (string Label, double Confidence)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Label), prediction.Items.Select(i => i.Label));
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Confidence, prediction.Items[i].Confidence, Tolerance);
        Assert.Equal(expected[0].Label, prediction.Label);
        Assert.Equal(expected[0].Confidence, prediction.Confidence, Tolerance);
    }

    [Fact]
    public async Task PredictFileAsync_classifies_an_image_with_the_onnx_model()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "image_classification", ColourClassifier(), Colours);
        var progress = new List<SeeMe.Core.Http.TransferProgress>();
        var file = Png("red.png", RedPng());

        var prediction = await client.Predictions.PredictFileAsync(model.Id, null, file, new SyncProgress(progress.Add));

        AssertItems(prediction, ("red", PureColour), ("green", OtherColour), ("blue", OtherColour));
        Assert.Equal("red.png", prediction.Name);
        Assert.Equal("png", prediction.Extension);
        Assert.Equal(model.Id, prediction.ModelId);
        Assert.Equal(model.ActiveVersionId, prediction.ModelVersionId);
        Assert.Equal(model.ApplicationId, prediction.ApplicationId);
        Assert.Equal("seeme-local-onnxruntime", prediction.InferenceHost);
        Assert.True(GoDurationText.Parse(prediction.InferenceTime) > TimeSpan.Zero);
        Assert.True(GoDurationText.Parse(prediction.EndToEndTime) >= GoDurationText.Parse(prediction.InferenceTime));
        Assert.All(prediction.Items, i => Assert.Equal(prediction.Id, i.PredictionId));
        Assert.All(prediction.Items, i => Assert.Equal("", i.Coordinates));
        Assert.False(prediction.ErrorReported);
        Assert.NotEmpty(progress);
        Assert.Equal(new FileInfo(file).Length, progress[^1].BytesTransferred);
    }

    [Fact]
    public async Task PredictFileAsync_detects_objects_with_their_boxes()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "object_detection", Detector(), Animals);

        var prediction = await client.Predictions.PredictFileAsync(model.Id, null, Png("street.png", TestPng.Solid(90, 90, 90, 120, 90)));

        AssertItems(prediction, Detections.Select(d => (d.Label, d.Confidence)).ToArray());
        Assert.Equal(Detections.Select(d => d.Coordinates), prediction.Items.Select(i => i.Coordinates));
        var box = Box(prediction.Items[1].Coordinates);
        Assert.Equal([0.25, 0.75, 0.125, 0.125], box);
    }

    [Fact]
    public async Task PredictTextAsync_classifies_text()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "text_classification", TextClassifier(), Sentiments);

        var positive = await client.Predictions.PredictTextAsync(model.Id, null, "lovely");
        var negative = await client.Predictions.PredictTextAsync(model.Id, null, "awful");
        var neutral = await client.Predictions.PredictTextAsync(model.Id, null, "a rainy tuesday");

        AssertItems(positive, ("positive", 1.0), ("neutral", 0.0), ("negative", 0.0));
        Assert.Equal("lovely", positive.Name);
        Assert.Equal("negative", negative.Label);
        Assert.Equal("neutral", neutral.Label);
        Assert.Equal("a rainy tuesday", neutral.Name);
    }

    [Fact]
    public async Task PredictStructuredAsync_sends_a_hashtable_of_features_in_the_column_order_of_the_version_config()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "structured", LinearClassifier(), YesNo);
        var version = await client.ModelVersions.GetAsync(model.Id, model.ActiveVersionId);
        version.Config = ColumnNamesConfig;
        Assert.Equal(ColumnNamesConfig, (await client.ModelVersions.UpdateAsync(version)).Config);

        // As PowerShell hands them over: a Hashtable, keys in any order, numbers as numbers or text.
        var features = new Hashtable { ["c"] = 3, ["b"] = "2.5", ["a"] = 1.0 };
        var prediction = await client.Predictions.PredictStructuredAsync(model.Id, null, features);

        var (no, yes) = LinearExpected(1, 2.5, 3);
        AssertItems(prediction, ("yes", yes), ("no", no));
        var other = await client.Predictions.PredictStructuredAsync(model.Id, null, new Hashtable { ["a"] = 4, ["b"] = 0, ["c"] = 0 });
        (no, yes) = LinearExpected(4, 0, 0);
        AssertItems(other, ("no", no), ("yes", yes));

        var missing = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Predictions.PredictStructuredAsync(model.Id, null, new Hashtable { ["a"] = 1, ["c"] = 3 }));
        Assert.Equal(400, missing.StatusCode);
        Assert.Contains("'b'", missing.ServerMessage);
    }

    [Fact]
    public async Task A_version_id_predicts_with_that_versions_model()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "image_classification", ColourClassifier(), Colours);
        var v2 = await client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = "rotated" });
        await client.ModelVersions.UploadFileAsync(model.Id, v2.Id, _files.Bytes("v2/model.onnx", RotatedColourClassifier()));
        await client.ModelVersions.UploadFileAsync(model.Id, v2.Id, _files.Bytes("v2/labels.txt", LabelsFile(Colours)));
        var file = Png("blue.png", BluePng());

        var onActive = await client.Predictions.PredictFileAsync(model.Id, null, file);
        var onV2 = await client.Predictions.PredictFileAsync(model.Id, v2.Id, file);

        Assert.Equal("blue", onActive.Label);
        Assert.Equal(model.ActiveVersionId, onActive.ModelVersionId);
        AssertItems(onV2, ("red", PureColour), ("green", OtherColour), ("blue", OtherColour));
        Assert.Equal(v2.Id, onV2.ModelVersionId);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Predictions.PredictFileAsync(model.Id, "no-such-version", file));
        Assert.True(e.IsNotFound);
    }

    [Fact]
    public async Task UpdateAsync_reports_a_wrong_prediction_and_the_history_keeps_it()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "image_classification", ColourClassifier(), Colours);
        var prediction = await client.Predictions.PredictFileAsync(model.Id, null, Png("fox.png", TestPng.Solid(230, 90, 20)));
        Assert.Equal("red", prediction.Label);

        prediction.ErrorReported = true;
        prediction.Error = "It is a fox, not a colour.";
        var updated = await client.Predictions.UpdateAsync(prediction);

        Assert.True(updated.ErrorReported);
        Assert.Equal("It is a fox, not a colour.", updated.Error);
        Assert.Equal(prediction.Id, updated.Id);
        Assert.Equal("red", updated.Label);
        Assert.Equal(prediction.Confidence, updated.Confidence, 1e-12);
        Assert.Equal(3, updated.Items.Count);

        var stored = Assert.Single(await client.Models.GetPredictionsPageAsync(model.Id, 0));
        Assert.True(stored.ErrorReported);
        Assert.Equal("It is a fox, not a colour.", stored.Error);
        Assert.Equal("fox.png", stored.Name);
    }

    [Fact]
    public async Task GetPredictionsAsync_pages_newest_first_and_filters_by_version()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "text_classification", TextClassifier(), Sentiments);
        var v2 = await client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = "v2" });
        await client.ModelVersions.UploadFileAsync(model.Id, v2.Id, _files.Bytes("text-v2/model.onnx", TextClassifier()));
        var texts = new[] { "lovely", "awful", "so-so", "lovely" };
        var made = new List<Prediction>();
        foreach (var text in texts) made.Add(await client.Predictions.PredictTextAsync(model.Id, null, text));
        var onV2 = await client.Predictions.PredictTextAsync(model.Id, v2.Id, "awful");

        var all = await client.Models.GetPredictionsPageAsync(model.Id, 0);
        Assert.Equal([onV2.Id, made[3].Id, made[2].Id, made[1].Id, made[0].Id], all.Select(p => p.Id));
        Assert.Equal(["2", "positive", "neutral", "negative", "positive"], all.Select(p => p.Label)); // v2 has no labels file

        var page = await client.Models.GetPredictionsPageAsync(model.Id, 1, new PredictionQuery { PageSize = 2 });
        Assert.Equal([made[2].Id, made[1].Id], page.Select(p => p.Id));

        var active = await client.Models.GetPredictionsPageAsync(model.Id, 0, new PredictionQuery { ModelVersionIds = { model.ActiveVersionId } });
        Assert.Equal(4, active.Count);
        Assert.All(active, p => Assert.Equal(model.ActiveVersionId, p.ModelVersionId));
        var both = await client.Models.GetPredictionsPageAsync(model.Id, 0, new PredictionQuery { ModelVersionIds = { model.ActiveVersionId, v2.Id }, PageSize = 3 });
        Assert.Equal([onV2.Id, made[3].Id, made[2].Id], both.Select(p => p.Id));
        Assert.Equal([onV2.Id], (await client.Models.GetPredictionsPageAsync(model.Id, 0, new PredictionQuery { ModelVersionIds = { v2.Id } })).Select(p => p.Id));
        Assert.Empty(await client.Models.GetPredictionsPageAsync(model.Id, 5));
    }

    [Fact]
    public async Task A_model_without_a_runnable_file_throws_a_4xx_with_a_clear_message()
    {
        using var client = server.SeedUser();
        var empty = await client.Models.CreateAsync(new Model { Name = CoreClients.Unique("empty"), ApplicationType = "image_classification" });
        var file = Png("red.png", RedPng());

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Predictions.PredictFileAsync(empty.Id, null, file));
        Assert.Equal(422, e.StatusCode);
        Assert.Equal("POST", e.Method);
        Assert.Equal($"inferences/{empty.Id}", e.Path);
        Assert.Contains("no model file", e.ServerMessage);
        Assert.Contains("upload an ONNX (.onnx) model", e.Message);

        await client.Models.UploadFileAsync(empty.Id, _files.Bytes("export.pkl", [0x80, 0x04, 0x95, 0x00]));
        var pkl = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Predictions.PredictFileAsync(empty.Id, null, file));
        Assert.InRange(pkl.StatusCode, 400, 499);
        Assert.Contains("ONNX", pkl.ServerMessage);

        var text = await client.Models.CreateAsync(new Model { Name = CoreClients.Unique("text"), ApplicationType = "text_classification" });
        var noText = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Predictions.PredictTextAsync(text.Id, null, "lovely"));
        Assert.Equal(422, noText.StatusCode);
        Assert.Empty(await client.Models.GetPredictionsPageAsync(empty.Id, 0));
    }
    /// <summary>Over HTTP as well: one image sent many times, among others in flight at once, comes back with the same bits.</summary>
    [Fact]
    public async Task The_same_image_comes_back_with_the_same_confidence_to_the_last_bit_among_concurrent_predictions()
    {
        using var client = server.SeedUser();
        var model = await RealModelAsync(client, "image_classification", OnnxModelBuilder.ReduceMeanClassifier(), Colours);
        var images = Enumerable.Range(1, 3).Select(seed => Png($"noise-{seed}.png", TestPng.Noise(seed))).ToArray();
        async Task<(string, double)[]> Predict(string image) =>
            (await client.Predictions.PredictFileAsync(model.Id, null, image)).Items.Select(i => (i.Label, i.Confidence)).ToArray();
        var alone = new List<(string, double)[]>();
        foreach (var image in images) alone.Add(await Predict(image));

        var together = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i => (Image: i % images.Length, Answer: await Predict(images[i % images.Length]))));

        foreach (var (image, answer) in together) Assert.Equal(alone[image], answer);
    }
}
