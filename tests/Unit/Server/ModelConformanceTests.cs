using System.Net.Http.Headers;
using System.Text;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.Server;

/// <summary>The Python SDK's quirks (docs/wire-contract.md, "SDK quirks a server tolerates") on the model-side endpoints, and restart persistence.</summary>
public sealed class ModelConformanceTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private const string StaleMultipart = "multipart/form-data; boundary=x";

    /// <summary>A request carrying the stale multipart Content-Type the SDK keeps after an upload (quirk 1), with or without a body.</summary>
    private static HttpRequestMessage Stale(HttpMethod method, string path, string body = "")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(StaleMultipart);
        return new HttpRequestMessage(method, path) { Content = content };
    }

    [Fact]
    public async Task A_stale_multipart_content_type_is_ignored_on_get_delete_and_json_put_post()
    {
        using var http = server.RawClient();
        var created = await http.SendAsync(Stale(HttpMethod.Post, "models", """{"name":"stale"}""")).OkJson();
        var id = (string)created["id"];
        var vid = (string)created["active_version_id"];

        EntityWireShape.Assert("Model", await http.SendAsync(Stale(HttpMethod.Get, $"models/{id}")).OkJson());
        EntityWireShape.AssertAll("Model", await http.SendAsync(Stale(HttpMethod.Get, "models")).OkJson());
        EntityWireShape.AssertAll("ModelVersion", await http.SendAsync(Stale(HttpMethod.Get, $"models/{id}/versions")).OkJson());
        EntityWireShape.AssertAll("Application", await http.SendAsync(Stale(HttpMethod.Get, "applications")).OkJson());
        EntityWireShape.AssertAll("Inference", await http.SendAsync(Stale(HttpMethod.Get, $"models/{id}/inferences?includeAlreadyAdded=False&showHidden=TRUE")).OkJson());
        EntityWireShape.AssertAll("Job", await http.SendAsync(Stale(HttpMethod.Get, "jobs?applicationId=&status=waiting,started,finished,error&jobType=training")).OkJson());

        var renamed = await http.SendAsync(Stale(HttpMethod.Put, $"models/{id}", """{"name":"renamed"}""")).OkJson();
        Assert.Equal("renamed", (string)renamed["name"]);
        var v2 = await http.SendAsync(Stale(HttpMethod.Post, $"models/{id}/versions", """{"name":"two"}""")).OkJson();
        var friend = await server.RegisterUserAsync();
        var share = await http.SendAsync(Stale(HttpMethod.Post, $"models/{id}/share", $$"""{"email":"{{friend.Email}}"}""")).OkJson();
        var job = await http.SendAsync(Stale(HttpMethod.Post, "jobs", """{"job_type":"training","status":"waiting"}""")).OkJson();

        EntityWireShape.Assert("Share", await http.SendAsync(Stale(HttpMethod.Delete, $"models/{id}/share/{share["id"]}")).OkJson());
        EntityWireShape.Assert("Job", await http.SendAsync(Stale(HttpMethod.Delete, $"jobs/{job["id"]}")).OkJson());
        EntityWireShape.Assert("ModelVersion", await http.SendAsync(Stale(HttpMethod.Delete, $"models/{id}/versions/{v2["id"]}")).OkJson());
        Assert.Equal(vid, (string)(await http.SendAsync(Stale(HttpMethod.Delete, $"models/{id}")).OkJson())["active_version_id"]);
    }

    [Fact]
    public async Task The_reply_to_a_model_file_upload_is_a_complete_model_version_with_an_application_id()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var version = await http.UploadAsync($"models/{model["id"]}/upload", [0x80, 0x04], "filename");
        EntityWireShape.Assert("ModelVersion", version);
        Assert.Equal((string)model["application_id"], (string)version["application_id"]);
        Assert.NotEqual("", (string)version["application_id"]);
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    public async Task Query_booleans_parse_case_insensitively(string value, bool expected)
    {
        using var http = server.RawClient();
        var (history, plain, hidden, added) = await HistoryWithAHiddenAndAnAddedPredictionAsync(http);

        Assert.Equal(expected ? [added, plain] : [plain], await IdsAsync(http, $"{history}?includeAlreadyAdded={value}"));
        Assert.Equal(expected ? [hidden, plain] : [plain], await IdsAsync(http, $"{history}?showHidden={value}"));
    }

    /// <summary>A real model's prediction history (newest first) of three: a plain one, a hidden one, one added to a dataset.</summary>
    private static async Task<(string History, string Plain, string Hidden, string Added)> HistoryWithAHiddenAndAnAddedPredictionAsync(HttpClient http)
    {
        var model = await http.CreateModelAsync(",\"kind\":\"image_classification\"");
        await http.UploadAsync($"models/{model["id"]}/upload", ColourClassifier(), "model.onnx");
        await http.UploadAsync($"models/{model["id"]}/upload", LabelsFile(Colours), "labels.txt");
        var ids = new List<string>();
        foreach (var name in new[] { "plain.png", "hidden.png", "added.png" })
            ids.Add((string)(await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(RedPng(), name)).OkJson())["id"]);
        await http.PutAsync($"inferences/{ids[1]}", ModelTestApi.Json("""{"hidden":true}""")).OkJson();
        await http.PutAsync($"inferences/{ids[2]}", ModelTestApi.Json("""{"dataset_item_id":"item-1"}""")).OkJson();
        return ($"models/{model["id"]}/inferences", ids[0], ids[1], ids[2]);
    }

    private static async Task<List<string>> IdsAsync(HttpClient http, string path) =>
        (await http.GetAsync(path).OkJson()).AsArray().Select(i => (string)i["id"]).ToList();

    [Fact]
    public async Task Models_versions_and_files_survive_a_restart()
    {
        string id, vid;
        byte[] onnx = ModelTestApi.Onnx;
        using (var http = server.RawClient())
        {
            var model = await http.CreateModelAsync(""","public":true""");
            (id, vid) = ((string)model["id"], (string)model["active_version_id"]);
            await http.UploadAsync($"models/{id}/upload", onnx, "model.onnx");
            await http.UploadAsync($"models/{id}/upload", ModelTestApi.Png, "logo.png", "image/png");
            await http.PostAsync($"models/{id}/versions", ModelTestApi.Json("{}")).OkJson();
        }

        await server.RestartAsync();

        using var after = server.RawClient();
        var restored = await after.GetAsync($"models/{id}").OkJson();
        Assert.True((bool)restored["public"]);
        Assert.True((bool)restored["has_onnx_model"]);
        Assert.True((bool)restored["can_inference"]);
        Assert.Equal("logo.png", (string)restored["logo"]);
        Assert.Equal(vid, (string)restored["active_version_id"]);
        Assert.Equal(onnx, await (await after.GetAsync($"models/{id}/download/onnx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(ModelTestApi.Png, await (await after.GetAsync($"models/{id}/download/logo")).Content.ReadAsByteArrayAsync());
        var v3 = await after.PostAsync($"models/{id}/versions", ModelTestApi.Json("{}")).OkJson();
        Assert.Equal(3, (int)v3["version_number"]);
    }
}
