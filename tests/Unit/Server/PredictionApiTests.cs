using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class PredictionApiTests(FakeEngineServerFixture fixture) : IClassFixture<FakeEngineServerFixture>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
    private LocalServerFixture Server => fixture.Server;

    private async Task<JsonNode> OnnxModelAsync(HttpClient http, string kind = "image_classification", string extra = "")
    {
        var model = await http.CreateModelAsync($$""","kind":"{{kind}}"{{extra}}""");
        await http.UploadAsync($"models/{model["id"]}/upload", ModelHttp.OnnxHead, "model.onnx");
        return model;
    }

    [Fact]
    public async Task An_image_prediction_replies_a_complete_inference_and_stores_the_input()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http);
        await http.UploadAsync($"models/{model["id"]}/upload", "cat\ndog\n"u8.ToArray(), "labels.txt");

        var inference = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "photo.jpg")).OkJson();
        ModelWireShape.Assert("Inference", inference);
        Assert.Equal("photo.jpg", (string)inference["name"]);
        Assert.Equal("cat", (string)inference["prediction"]);
        Assert.Equal(0.8, (double)inference["confidence"]);
        Assert.Equal("jpg", (string)inference["extension"]);
        Assert.Equal("284.4184ms", (string)inference["inference_time"]);
        Assert.Matches(@"^\d+(\.\d+)?(ns|µs|ms|s)$", (string)inference["end_to_end_time"]);
        Assert.Equal("seeme-local-onnxruntime", (string)inference["inference_host"]);
        Assert.Equal((string)model["active_version_id"], (string)inference["model_version_id"]);
        Assert.Equal((string)model["application_id"], (string)inference["application_id"]);
        Assert.Equal((string)model["user_id"], (string)inference["user_id"]);
        var items = inference["inference_items"]!.AsArray();
        Assert.Equal(["cat", "dog"], items.Select(i => (string)i["prediction"]));
        Assert.All(items, i => Assert.Equal((string)inference["id"], (string)i["inference_id"]));

        var request = fixture.Engine.Requests.Single(r => r.ImageBytes is not null && r.ImageBytes.SequenceEqual(Jpeg) && r.VersionId == (string)model["active_version_id"]);
        Assert.Equal("image_classification", request.ApplicationType);
        Assert.EndsWith("onnx", request.ModelFilePath);
        Assert.EndsWith("labels", request.LabelsFilePath);
        var stored = Path.Combine(Server.DataDirectory, "files", "models", (string)model["id"], "versions", (string)model["active_version_id"], "inferences", $"{inference["id"]}.jpg");
        Assert.Equal(Jpeg, File.ReadAllBytes(stored));
    }

    [Fact]
    public async Task Privacy_enabled_keeps_neither_the_name_nor_the_file()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http, extra: ""","privacy_enabled":true""");
        var inference = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "secret.jpg")).OkJson();
        Assert.Equal("", (string)inference["name"]);
        Assert.True((bool)inference["privacy_enabled"]);
        var folder = Path.Combine(Server.DataDirectory, "files", "models", (string)model["id"], "versions", (string)model["active_version_id"], "inferences");
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public async Task Object_detection_items_carry_their_boxes()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http, "object_detection");
        var inference = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "filename")).OkJson();
        ModelWireShape.Assert("Inference", inference);
        Assert.Equal("car", (string)inference["prediction"]);
        Assert.Equal(["0.5 0.5 0.2 0.1", "0.25 0.3 0.1 0.4"], inference["inference_items"]!.AsArray().Select(i => (string)i["coordinates"]));
    }

    [Fact]
    public async Task Text_is_read_from_input_text_sent_without_a_content_type()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http, "text_classification");
        var inference = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.Json("""{"input_text":"what a lovely day"}""")).OkJson();
        Assert.Equal("what a lovely day", (string)inference["name"]);
        Assert.Contains(fixture.Engine.Requests, r => r.Text == "what a lovely day" && r.ApplicationType == "text_classification");

        await http.PostAsync($"inferences/{model["id"]}", ModelHttp.Json("""{"text":"wrong key"}""")).Fails(HttpStatusCode.BadRequest);
        await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "photo.jpg")).Fails(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("\"not json\"")]
    [InlineData("\"[1, 2]\"")]
    [InlineData("{\"temperature\": \"30\"}")]
    [InlineData("42")]
    public async Task Structured_input_must_be_a_json_object_serialised_as_a_string(string inputText)
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http, "structured");
        var message = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.Json($$"""{"input_text":{{inputText}}}""")).Fails(HttpStatusCode.BadRequest);
        Assert.Contains("input_text", message);
    }

    [Fact]
    public async Task Structured_features_reach_the_engine_as_json_text()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http, "structured");
        var features = """{"temperature": "30", "day": "Tuesday"}""";
        await http.PostAsync($"inferences/{model["id"]}", ModelHttp.Json(new JsonObject { ["input_text"] = features })).OkJson();
        Assert.Contains(fixture.Engine.Requests, r => r.StructuredJson == features && r.ApplicationType == "structured");
    }

    [Fact]
    public async Task Predicting_on_a_given_version_uses_that_version()
    {
        using var http = Server.RawClient();
        var model = await http.CreateModelAsync();
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelHttp.Json("{}")).OkJson();
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", ModelHttp.OnnxHead, "model.onnx");

        var inference = await http.PostAsync($"inferences/{model["id"]}/versions/{v2["id"]}", ModelHttp.File(Jpeg, "a.jpg")).OkJson();
        Assert.Equal((string)v2["id"], (string)inference["model_version_id"]);
        await http.PostAsync($"inferences/{model["id"]}/versions/{Guid.NewGuid()}", ModelHttp.File(Jpeg, "a.jpg")).Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_version_the_engine_cannot_run_gets_its_4xx_and_stores_nothing()
    {
        using var http = Server.RawClient();
        var model = await http.CreateModelAsync();
        Assert.Contains("ONNX", await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "a.jpg")).Fails((HttpStatusCode)422));
        Assert.Empty((await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray());
        Assert.Empty(Directory.GetFiles(Path.Combine(Server.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task Uploads_and_deletes_invalidate_the_engines_cached_session()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http);
        Assert.Contains((string)model["active_version_id"], fixture.Engine.Invalidated);
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelHttp.Json("{}")).OkJson();
        await http.DeleteAsync($"models/{model["id"]}/versions/{v2["id"]}").OkJson();
        Assert.Contains((string)v2["id"], fixture.Engine.Invalidated);
    }

    [Fact]
    public async Task Reporting_a_wrong_prediction_changes_only_the_client_fields()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http);
        var inference = (await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "a.jpg")).OkJson()).AsObject();
        inference["error_reported"] = true;
        inference["error"] = "it is a fox";
        inference["prediction"] = "fox";
        inference["model_id"] = null;
        inference["inference_items"] = new JsonArray();
        var updated = await http.PutAsync($"inferences/{inference["id"]}", ModelHttp.Json(inference)).OkJson();
        ModelWireShape.Assert("Inference", updated);
        Assert.True((bool)updated["error_reported"]);
        Assert.Equal("it is a fox", (string)updated["error"]);
        Assert.Equal("cat", (string)updated["prediction"]);
        Assert.Equal((string)model["id"], (string)updated["model_id"]);
        Assert.Equal(2, updated["inference_items"]!.AsArray().Count);

        await http.PutAsync($"inferences/{Guid.NewGuid()}", ModelHttp.Json("{}")).Fails(HttpStatusCode.NotFound);
        await http.PutAsync($"inferences/{inference["id"]}", ModelHttp.Json("{\"hidden\":\"yes\"}")).Fails(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Others_may_predict_with_a_public_model_and_only_the_predicting_user_updates_the_prediction()
    {
        using var owner = Server.RawClient();
        var model = await OnnxModelAsync(owner, extra: ""","public":true""");
        var (other, _, otherId) = await Server.NewUserClientAsync();
        using var _ = other;
        var (stranger, _, _) = await Server.NewUserClientAsync();
        using var __ = stranger;

        var theirs = await other.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "a.jpg")).OkJson();
        Assert.Equal(otherId, (string)theirs["user_id"]);
        var mine = await owner.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "b.jpg")).OkJson();

        await owner.PutAsync($"inferences/{theirs["id"]}", ModelHttp.Json("""{"hidden":true}""")).Fails(HttpStatusCode.Forbidden);
        await stranger.PutAsync($"inferences/{theirs["id"]}", ModelHttp.Json("""{"hidden":true}""")).Fails(HttpStatusCode.NotFound);
        await other.PutAsync($"inferences/{theirs["id"]}", ModelHttp.Json("""{"error_reported":true}""")).OkJson();

        // The owner sees every prediction of the model; another user only their own.
        Assert.Equal(2, (await owner.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray().Count);
        var seenByOther = (await other.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray();
        Assert.Equal([(string)theirs["id"]], seenByOther.Select(i => (string)i["id"]));
        Assert.DoesNotContain(seenByOther, i => (string)i["id"] == (string)mine["id"]);
    }

    [Fact]
    public async Task A_private_model_cannot_be_predicted_by_others()
    {
        using var owner = Server.RawClient();
        var model = await OnnxModelAsync(owner);
        var (other, _, _) = await Server.NewUserClientAsync();
        using var _ = other;
        await other.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, "a.jpg")).Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{model["id"]}/inferences").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_pages_newest_first_and_filters_by_version_hidden_and_already_added()
    {
        using var http = Server.RawClient();
        var model = await OnnxModelAsync(http);
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelHttp.Json("{}")).OkJson();
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", ModelHttp.OnnxHead, "model.onnx");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((string)(await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File(Jpeg, $"{i}.jpg")).OkJson())["id"]);
        var onV2 = (string)(await http.PostAsync($"inferences/{model["id"]}/versions/{v2["id"]}", ModelHttp.File(Jpeg, "v2.jpg")).OkJson())["id"];
        await http.PutAsync($"inferences/{ids[0]}", ModelHttp.Json("""{"hidden":true}""")).OkJson();
        await http.PutAsync($"inferences/{ids[1]}", ModelHttp.Json("""{"dataset_item_id":"item-1"}""")).OkJson();
        var path = $"models/{model["id"]}/inferences";

        async Task<List<string>> Ids(string query) =>
            (await http.GetAsync(path + query).OkJson()).AsArray().Select(i => (string)i["id"]).ToList();

        Assert.Equal([onV2, ids[4], ids[3], ids[2]], await Ids("?pageCount=0&pageSize=25&modelVersionIds=&includeAlreadyAdded=False&showHidden=False"));
        Assert.Equal([onV2, ids[4], ids[3], ids[2], ids[1], ids[0]], await Ids("?includeAlreadyAdded=True&showHidden=true"));
        Assert.Equal([ids[3], ids[2]], await Ids("?pageCount=1&pageSize=2"));
        Assert.Equal([onV2], await Ids($"?modelVersionIds={v2["id"]}"));
        Assert.Equal([onV2, ids[4]], await Ids($"?modelVersionIds={model["active_version_id"]},{v2["id"]}&pageSize=2"));
        Assert.Empty(await Ids("?pageCount=9"));
        ModelWireShape.AssertAll("Inference", await http.GetAsync(path).OkJson());

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
        Assert.Equal(expected, SeeMe.Server.Endpoints.GoDuration.Format(TimeSpan.FromTicks(ticks)));
    }
}

/// <summary>The prediction endpoints against the real engine of this build: it must refuse what it cannot run.</summary>
public sealed class PredictionRefusalTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task A_version_with_only_a_pkl_file_gets_a_4xx_with_a_message_never_a_made_up_prediction()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        await http.UploadAsync($"models/{model["id"]}/upload", [0x80, 0x04, 0x95], "export.pkl");
        var reply = await http.PostAsync($"inferences/{model["id"]}", ModelHttp.File([0xFF, 0xD8, 0xFF, 0xE0], "a.jpg"));
        Assert.InRange((int)reply.StatusCode, 400, 499);
        Assert.False(string.IsNullOrWhiteSpace((string)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["message"]));
        Assert.Empty((await http.GetAsync($"models/{model["id"]}/inferences").OkJson()).AsArray());
    }
}
