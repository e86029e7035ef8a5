using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.Server;

/// <summary>
/// A model's labels file is read for every prediction: an oversized one is refused at upload, and
/// a replaced one is picked up at once although the names are kept between predictions.
/// </summary>
public sealed class LabelsFileLimitTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task An_oversized_labels_file_is_400_at_upload_and_the_model_keeps_its_labels()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var tmp = Path.Combine(server.DataDirectory, "tmp");
        var huge = LabelsFile(Enumerable.Range(0, 600_000).Select(i => $"class number {i}").ToArray());
        Assert.True(huge.Length > 4 * 1024 * 1024);

        using var form = ModelTestApi.File(huge, "labels.txt");
        var message = await http.PostAsync($"models/{model["id"]}/upload", form).Fails(HttpStatusCode.BadRequest);

        Assert.Contains("labels.txt", message);
        Assert.Contains("4,194,304 bytes", message);
        Assert.Empty(Directory.EnumerateFiles(tmp));
        var version = await http.GetAsync($"models/{model["id"]}/versions/{model["active_version_id"]}").OkJson();
        Assert.Equal("red,green,blue", (string)version["classes"]);
        Assert.Equal("blue", (string)(await PredictAsync(http, model))["prediction"]);
    }

    [Fact]
    public async Task A_replaced_labels_file_names_the_next_prediction()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        Assert.Equal("blue", (string)(await PredictAsync(http, model))["prediction"]);

        await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile("rouge", "vert", "bleu"), "labels.txt");

        Assert.Equal("bleu", (string)(await PredictAsync(http, model))["prediction"]);
        await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile("R", "G", "B"), "labels.txt");
        Assert.Equal("B", (string)(await PredictAsync(http, model))["prediction"]);
    }

    private static async Task<JsonNode> ColourModelAsync(HttpClient http)
    {
        var model = await http.CreateModelAsync(""","kind":"image_classification" """);
        await http.UploadAsync($"models/{model["id"]}/upload", ColourClassifier(), "model.onnx");
        await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile(Colours), "labels.txt");
        return model;
    }

    private static Task<JsonNode> PredictAsync(HttpClient http, JsonNode model) =>
        http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(BluePng(), "blue.png")).OkJson();
}
