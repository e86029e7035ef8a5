using System.Net;
using System.Text.Json.Nodes;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.Server;

/// <summary>
/// The prediction endpoints over HTTP with real ONNX models (built by SeeMe.TestModels with known
/// weights) uploaded the way a client does, run by the server's own ONNX Runtime engine.
/// </summary>
public sealed class PredictionApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private const double Tolerance = 1e-4;

    /// <summary>Creates a model of <paramref name="kind"/> and uploads the ONNX file and (when given) labels.txt to its active version.</summary>
    private static async Task<JsonNode> RealModelAsync(HttpClient http, string kind, byte[] onnx, string[] labels, string extra = "")
    {
        var model = await http.CreateModelAsync($$""","kind":"{{kind}}"{{extra}}""");
        var version = await http.UploadAsync($"models/{model["id"]}/upload", onnx, "model.onnx");
        Assert.True((bool)version["can_inference"]);
        if (labels is not null) await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile(labels), "labels.txt");
        return model;
    }

    private static Task<JsonNode> ColourModelAsync(HttpClient http, string extra = "") =>
        RealModelAsync(http, "image_classification", ColourClassifier(), Colours, extra);

    private static Task<JsonNode> PredictImageAsync(HttpClient http, JsonNode model, byte[] image, string fileName, string versionId = null) =>
        http.PostAsync(versionId is null ? $"inferences/{model["id"]}" : $"inferences/{model["id"]}/versions/{versionId}", ModelTestApi.File(image, fileName)).OkJson();

    private string InferencesFolder(JsonNode model, string versionId = null) =>
        Path.Combine(server.DataDirectory, "files", "models", (string)model["id"], "versions", versionId ?? (string)model["active_version_id"], "inferences");

    private static void AssertItems(JsonNode inference, params (string Label, double Confidence)[] expected)
    {
        var items = inference["inference_items"]!.AsArray();
        Assert.Equal(expected.Select(e => e.Label), items.Select(i => (string)i["prediction"]));
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Confidence, (double)items[i]["confidence"], Tolerance);
        Assert.Equal(expected[0].Label, (string)inference["prediction"]);
        Assert.Equal(expected[0].Confidence, (double)inference["confidence"], Tolerance);
    }

    [Fact]
    public async Task An_image_prediction_runs_the_onnx_model_and_replies_a_complete_inference()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var png = RedPng();

        var inference = await PredictImageAsync(http, model, png, "photo.png");

        EntityWireShape.Assert("Inference", inference);
        AssertItems(inference, ("red", PureColour), ("green", OtherColour), ("blue", OtherColour));
        Assert.Equal(1.0, inference["inference_items"]!.AsArray().Sum(i => (double)i["confidence"]), 1e-6);
        Assert.Equal("photo.png", (string)inference["name"]);
        Assert.Equal("png", (string)inference["extension"]);
        Assert.Equal("seeme-local-onnxruntime", (string)inference["inference_host"]);
        Assert.Equal((string)model["active_version_id"], (string)inference["model_version_id"]);
        Assert.Equal((string)model["id"], (string)inference["model_id"]);
        Assert.Equal((string)model["application_id"], (string)inference["application_id"]);
        Assert.Equal((string)model["user_id"], (string)inference["user_id"]);
        Assert.False((bool)inference["privacy_enabled"]);
        Assert.False((bool)inference["error_reported"]);
        Assert.Equal("", (string)inference["error"]);

        // inference_time is the model's own run, end_to_end_time the whole request: both Go durations, the first within the second.
        var modelTime = GoDurationText.Parse((string)inference["inference_time"]);
        var endToEnd = GoDurationText.Parse((string)inference["end_to_end_time"]);
        Assert.True(modelTime > TimeSpan.Zero && modelTime <= endToEnd, $"{inference["inference_time"]} vs {inference["end_to_end_time"]}");

        var items = inference["inference_items"]!.AsArray();
        Assert.All(items, i => Assert.Equal((string)inference["id"], (string)i["inference_id"]));
        Assert.All(items, i => Assert.Equal("", (string)i["coordinates"]));
        Assert.Equal(3, items.Select(i => (string)i["id"]).Distinct().Count());

        Assert.Equal(png, File.ReadAllBytes(Path.Combine(InferencesFolder(model), $"{inference["id"]}.png")));
    }

    [Theory]
    [InlineData("green", "jpg")]
    [InlineData("blue", "webp")]
    [InlineData("red", "bmp")]
    public async Task Each_colour_and_image_format_gets_its_class(string colour, string extension)
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var skColour = colour switch { "red" => TestImages.Red, "green" => TestImages.Green, _ => TestImages.Blue };
        var image = extension switch
        {
            "jpg" => TestImages.Solid(skColour, format: SKEncodedImageFormat.Jpeg),
            "webp" => TestImages.Solid(skColour, format: SKEncodedImageFormat.Webp),
            _ => TestImages.SolidBmp(skColour),
        };
        var inference = await PredictImageAsync(http, model, image, "filename");
        Assert.Equal(colour, (string)inference["prediction"]);
        Assert.Equal(PureColour, (double)inference["confidence"], 1e-3); // JPEG and WebP are lossy
        Assert.Equal("filename", (string)inference["name"]);
    }

    [Fact]
    public async Task Without_labels_the_classes_are_indexes_and_labels_txt_names_them()
    {
        using var http = server.RawClient();
        var model = await RealModelAsync(http, "image_classification", ColourClassifier(), labels: null);

        var unnamed = await PredictImageAsync(http, model, BluePng(), "blue.png");
        AssertItems(unnamed, ("2", PureColour), ("0", OtherColour), ("1", OtherColour));

        var version = await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile(Colours), "labels.txt");
        Assert.Equal("red,green,blue", (string)version["classes"]);
        Assert.True((bool)version["has_labels_file"]);
        var named = await PredictImageAsync(http, model, BluePng(), "blue.png");
        AssertItems(named, ("blue", PureColour), ("red", OtherColour), ("green", OtherColour));
    }

    [Fact]
    public async Task Privacy_enabled_predicts_but_keeps_neither_the_name_nor_the_file()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http, ""","privacy_enabled":true""");

        var inference = await PredictImageAsync(http, model, GreenPng(), "secret.png");

        Assert.Equal("", (string)inference["name"]);
        Assert.True((bool)inference["privacy_enabled"]);
        AssertItems(inference, ("green", PureColour), ("red", OtherColour), ("blue", OtherColour));
        Assert.False(Directory.Exists(InferencesFolder(model)) && Directory.EnumerateFiles(InferencesFolder(model)).Any());
        var stored = (await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray().Single();
        Assert.Equal("", (string)stored["name"]);
        Assert.Equal("green", (string)stored["prediction"]);
    }

    [Fact]
    public async Task Object_detection_gives_one_item_per_box_with_its_relative_coordinates()
    {
        using var http = server.RawClient();
        var model = await RealModelAsync(http, "object_detection", Detector(), Animals);

        var inference = await PredictImageAsync(http, model, TestPng.Solid(10, 20, 30, 100, 80), "street.png");

        EntityWireShape.Assert("Inference", inference);
        AssertItems(inference, Detections.Select(d => (d.Label, d.Confidence)).ToArray());
        Assert.Equal(Detections.Select(d => d.Coordinates), inference["inference_items"]!.AsArray().Select(i => (string)i["coordinates"]));
        Assert.Equal("street.png", (string)inference["name"]);
        Assert.Matches(@"^\d", (string)inference["inference_time"]);
    }

    [Fact]
    public async Task Object_detection_reads_a_yolov8_output_too()
    {
        using var http = server.RawClient();
        // YOLOv8 rows have no objectness: the class scores are already the confidences.
        var rows = new[] { new[] { 32f, 32f, 16f, 16f, 0.1f, 0.7f }, new[] { 8f, 8f, 8f, 8f, 0.9f, 0.05f } };
        var model = await RealModelAsync(http, "object_detection", OnnxModelBuilder.YoloV8Detector(rows, 64), Animals);

        var inference = await PredictImageAsync(http, model, RedPng(), "a.png");

        AssertItems(inference, ("cat", 0.9), ("dog", 0.7));
        Assert.Equal(["0.125 0.125 0.125 0.125", "0.5 0.5 0.25 0.25"], inference["inference_items"]!.AsArray().Select(i => (string)i["coordinates"]));
    }

    [Fact]
    public async Task Text_is_classified_from_input_text_sent_without_a_content_type()
    {
        using var http = server.RawClient();
        var model = await RealModelAsync(http, "text_classification", TextClassifier(), Sentiments);

        var lovely = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json("""{"input_text":"lovely"}""")).OkJson();
        EntityWireShape.Assert("Inference", lovely);
        AssertItems(lovely, ("positive", 1.0), ("neutral", 0.0), ("negative", 0.0));
        Assert.Equal("lovely", (string)lovely["name"]);
        Assert.Equal("", (string)lovely["extension"]);

        var awful = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json("""{"input_text":"awful"}""")).OkJson();
        Assert.Equal("negative", (string)awful["prediction"]);
        var unknown = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json("""{"input_text":"what a day"}""")).OkJson();
        Assert.Equal("neutral", (string)unknown["prediction"]);
        Assert.Equal("what a day", (string)unknown["name"]);

        Assert.Contains("input_text", await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json("""{"text":"wrong key"}""")).Fails(HttpStatusCode.BadRequest));
        await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), "photo.png")).Fails(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Structured_features_are_ordered_by_the_column_names_set_on_the_version()
    {
        using var http = server.RawClient();
        var model = await RealModelAsync(http, "structured", LinearClassifier(), YesNo);
        var path = $"inferences/{model["id"]}";
        var features = new JsonObject { ["input_text"] = """{"c": 3, "b": "2.5", "a": 1}""" };

        // One vector input and no column_names: the server cannot know the order, and says so.
        Assert.Contains("column_names", await http.PostAsync(path, ModelTestApi.Json(features)).Fails((HttpStatusCode)422));

        var versionPath = $"models/{model["id"]}/versions/{model["active_version_id"]}";
        var version = (await http.GetAsync(versionPath).OkJson()).AsObject();
        version["config"] = ColumnNamesConfig;
        Assert.Equal(ColumnNamesConfig, (string)(await http.PutAsync(versionPath, ModelTestApi.Json(version)).OkJson())["config"]);

        var inference = await http.PostAsync(path, ModelTestApi.Json(features)).OkJson();
        EntityWireShape.Assert("Inference", inference);
        var (no, yes) = LinearExpected(1, 2.5, 3);
        AssertItems(inference, ("yes", yes), ("no", no));
        Assert.Equal("""{"c": 3, "b": "2.5", "a": 1}""", (string)inference["name"]);

        var other = await http.PostAsync(path, ModelTestApi.Json(new JsonObject { ["input_text"] = """{"a": 4, "b": 0, "c": 0}""" })).OkJson();
        (no, yes) = LinearExpected(4, 0, 0);
        AssertItems(other, ("no", no), ("yes", yes));

        Assert.Contains("'b'", await http.PostAsync(path, ModelTestApi.Json(new JsonObject { ["input_text"] = """{"a": 1, "c": 2}""" })).Fails(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("\"not json\"")]
    [InlineData("\"[1, 2]\"")]
    [InlineData("{\"temperature\": \"30\"}")]
    [InlineData("42")]
    public async Task Structured_input_must_be_a_json_object_serialised_as_a_string(string inputText)
    {
        using var http = server.RawClient();
        var model = await RealModelAsync(http, "structured", LinearClassifier(), YesNo);
        var message = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json($$"""{"input_text":{{inputText}}}""")).Fails(HttpStatusCode.BadRequest);
        Assert.Contains("input_text", message);
    }

    [Fact]
    public async Task Predicting_on_a_given_version_runs_that_versions_model()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("{}")).OkJson();
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", RotatedColourClassifier(), "model.onnx");
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", LabelsFile(Colours), "labels.txt");

        var onActive = await PredictImageAsync(http, model, RedPng(), "a.png");
        var onV2 = await PredictImageAsync(http, model, RedPng(), "a.png", (string)v2["id"]);

        Assert.Equal("red", (string)onActive["prediction"]);
        Assert.Equal((string)model["active_version_id"], (string)onActive["model_version_id"]);
        AssertItems(onV2, ("green", PureColour), ("red", OtherColour), ("blue", OtherColour));
        Assert.Equal((string)v2["id"], (string)onV2["model_version_id"]);
        Assert.True(File.Exists(Path.Combine(InferencesFolder(model, (string)v2["id"]), $"{onV2["id"]}.png")));
        await http.PostAsync($"inferences/{model["id"]}/versions/{Guid.NewGuid()}", ModelTestApi.File(RedPng(), "a.png")).Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_model_file_on_the_same_version_is_used_at_once()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        Assert.Equal("red", (string)(await PredictImageAsync(http, model, RedPng(), "a.png"))["prediction"]);

        await http.UploadAsync($"models/{model["id"]}/upload", RotatedColourClassifier(), "model.onnx");

        Assert.Equal("green", (string)(await PredictImageAsync(http, model, RedPng(), "a.png"))["prediction"]);
    }

    [Fact]
    public async Task A_version_without_a_model_file_gets_a_422_and_stores_nothing()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var message = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), "a.png")).Fails((HttpStatusCode)422);
        Assert.Contains("no model file", message);
        Assert.Contains("ONNX", message);
        Assert.Empty((await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray());
        Assert.False(Directory.Exists(InferencesFolder(model)));
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task A_version_with_only_a_pkl_file_gets_a_4xx_with_a_message_never_a_made_up_prediction()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        await http.UploadAsync($"models/{model["id"]}/upload", [0x80, 0x04, 0x95], "export.pkl");
        var message = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), "a.png")).Fails((HttpStatusCode)422);
        Assert.Contains("ONNX", message);
        Assert.Empty((await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray());
    }

    [Fact]
    public async Task A_file_named_onnx_that_is_not_onnx_is_refused_at_upload_and_the_model_cannot_predict()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var upload = await http.PostAsync($"models/{model["id"]}/upload", ModelTestApi.File([0x08, 0x07, 0x12, 0x07, .. "pytorch"u8], "model.onnx")).Fails((HttpStatusCode)422);
        Assert.Contains("could not be loaded", upload);
        var message = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), "a.png")).Fails((HttpStatusCode)422);
        Assert.Contains("no model file", message);
        Assert.Empty((await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray());
    }

    [Fact]
    public async Task Reporting_a_wrong_prediction_changes_only_the_client_fields()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var inference = (await PredictImageAsync(http, model, RedPng(), "a.png")).AsObject();
        inference["error_reported"] = true;
        inference["error"] = "it is a fox";
        inference["prediction"] = "fox";
        inference["confidence"] = 0.01;
        inference["model_id"] = null;
        inference["inference_items"] = new JsonArray();

        var updated = await http.PutAsync($"inferences/{inference["id"]}", ModelTestApi.Json(inference)).OkJson();

        EntityWireShape.Assert("Inference", updated);
        Assert.True((bool)updated["error_reported"]);
        Assert.Equal("it is a fox", (string)updated["error"]);
        AssertItems(updated, ("red", PureColour), ("green", OtherColour), ("blue", OtherColour));
        Assert.Equal((string)model["id"], (string)updated["model_id"]);
        var stored = (await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray().Single();
        Assert.True((bool)stored["error_reported"]);
        Assert.Equal("it is a fox", (string)stored["error"]);

        await http.PutAsync($"inferences/{Guid.NewGuid()}", ModelTestApi.Json("{}")).Fails(HttpStatusCode.NotFound);
        await http.PutAsync($"inferences/{inference["id"]}", ModelTestApi.Json("{\"hidden\":\"yes\"}")).Fails(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Others_may_predict_with_a_public_model_and_only_the_predicting_user_updates_the_prediction()
    {
        using var owner = server.RawClient();
        var model = await ColourModelAsync(owner, ""","public":true""");
        var (other, _, otherId) = await server.NewUserClientAsync();
        using var _ = other;
        var (stranger, _, _) = await server.NewUserClientAsync();
        using var __ = stranger;

        var theirs = await PredictImageAsync(other, model, BluePng(), "a.png");
        Assert.Equal(otherId, (string)theirs["user_id"]);
        Assert.Equal("blue", (string)theirs["prediction"]);
        var mine = await PredictImageAsync(owner, model, RedPng(), "b.png");

        await owner.PutAsync($"inferences/{theirs["id"]}", ModelTestApi.Json("""{"hidden":true}""")).Fails(HttpStatusCode.Forbidden);
        await stranger.PutAsync($"inferences/{theirs["id"]}", ModelTestApi.Json("""{"hidden":true}""")).Fails(HttpStatusCode.NotFound);
        await other.PutAsync($"inferences/{theirs["id"]}", ModelTestApi.Json("""{"error_reported":true}""")).OkJson();

        // The owner sees every prediction of the model; another user only their own.
        Assert.Equal(2, (await owner.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray().Count);
        var seenByOther = (await other.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray();
        Assert.Equal([(string)theirs["id"]], seenByOther.Select(i => (string)i["id"]));
        Assert.DoesNotContain(seenByOther, i => (string)i["id"] == (string)mine["id"]);
    }

    [Fact]
    public async Task A_private_model_cannot_be_predicted_by_others()
    {
        using var owner = server.RawClient();
        var model = await ColourModelAsync(owner);
        var (other, _, _) = await server.NewUserClientAsync();
        using var _ = other;
        await other.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), "a.png")).Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{model["id"]}/inferences").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_pages_newest_first_and_filters_by_version_hidden_and_already_added()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("{}")).OkJson();
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", RotatedColourClassifier(), "model.onnx");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((string)(await PredictImageAsync(http, model, RedPng(), $"{i}.png"))["id"]);
        var onV2 = (string)(await PredictImageAsync(http, model, RedPng(), "v2.png", (string)v2["id"]))["id"];
        await http.PutAsync($"inferences/{ids[0]}", ModelTestApi.Json("""{"hidden":true}""")).OkJson();
        await http.PutAsync($"inferences/{ids[1]}", ModelTestApi.Json("""{"dataset_item_id":"item-1"}""")).OkJson();
        var path = $"models/{model["id"]}/inferences";

        async Task<List<string>> Ids(string query) =>
            (await http.GetAsync(path + query).OkJson()).AsArray().Select(i => (string)i["id"]).ToList();

        Assert.Equal([onV2, ids[4], ids[3], ids[2]], await Ids("?pageCount=0&pageSize=25&modelVersionIds=&includeAlreadyAdded=False&showHidden=False"));
        Assert.Equal([onV2, ids[4], ids[3], ids[2], ids[1], ids[0]], await Ids("?includeAlreadyAdded=True&showHidden=true"));
        Assert.Equal([ids[3], ids[2]], await Ids("?pageCount=1&pageSize=2"));
        Assert.Equal([onV2], await Ids($"?modelVersionIds={v2["id"]}"));
        Assert.Equal([onV2, ids[4]], await Ids($"?modelVersionIds={model["active_version_id"]},{v2["id"]}&pageSize=2"));
        Assert.Equal([ids[4], ids[3], ids[2]], await Ids($"?modelVersionIds={model["active_version_id"]}"));
        Assert.Empty(await Ids("?pageCount=9"));

        // The stored predictions are the ones the models made: v2's model (rotated weights) calls red "green".
        var history = await http.GetAsync(path + "?includeAlreadyAdded=True&showHidden=true").OkJson();
        EntityWireShape.AssertAll("Inference", history);
        var byId = history.AsArray().ToDictionary(i => (string)i["id"]);
        Assert.Equal("1", (string)byId[onV2]["prediction"]); // v2 has no labels file: the class is its index
        Assert.Equal(PureColour, (double)byId[onV2]["confidence"], Tolerance);
        Assert.All(ids, id => Assert.Equal("red", (string)byId[id]["prediction"]));
        Assert.Equal("3.png", (string)byId[ids[3]]["name"]);

        foreach (var bad in new[] { "?pageSize=0", "?pageSize=1001", "?pageCount=-1", "?pageSize=ten", "?showHidden=maybe" })
            await http.GetAsync(path + bad).Fails(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(5, "500ns")]
    [InlineData(12_345, "1.2345ms")]
    [InlineData(2_844_184, "284.4184ms")]
    [InlineData(15_000_000, "1.5s")]
    [InlineData(1_232_500_000, "2m3.25s")]
    [InlineData(36_000_000_000, "1h0m0s")]
    [InlineData(10, "1µs")]
    public void Durations_are_written_as_go_does(long ticks, string expected)
    {
        Assert.Equal(expected, SeeMe.Server.Domain.Predictions.GoDuration.Format(TimeSpan.FromTicks(ticks)));
        Assert.Equal(TimeSpan.FromTicks(ticks), GoDurationText.Parse(expected));
    }
}
