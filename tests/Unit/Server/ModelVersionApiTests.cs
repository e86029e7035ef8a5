using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class ModelVersionApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Created_versions_number_themselves_and_inherit_the_models_application()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("""{"id":null,"version_number":99,"model_id":null,"application_id":null}""")).OkJson();
        var v3 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("""{"name":"third","version":"3.0"}""")).OkJson();
        EntityWireShape.Assert("ModelVersion", v2);
        Assert.Equal(2, (int)v2["version_number"]);
        Assert.Equal("v2", (string)v2["name"]);
        Assert.Equal("2", (string)v2["version"]);
        Assert.Equal((string)model["application_id"], (string)v2["application_id"]);
        Assert.Equal(3, (int)v3["version_number"]);
        Assert.Equal("third", (string)v3["name"]);
        Assert.Equal("3.0", (string)v3["version"]);

        var list = await http.GetAsync($"models/{model["id"]}/versions").OkJson();
        EntityWireShape.AssertAll("ModelVersion", list);
        Assert.Equal([1, 2, 3], list.AsArray().Select(v => (int)v["version_number"]));
    }

    [Fact]
    public async Task Update_keeps_server_owned_fields_and_checks_the_application()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var version = (await http.GetAsync($"models/{model["id"]}/versions/{model["active_version_id"]}").OkJson()).AsObject();
        version["description"] = "tuned";
        version["version_number"] = 42;
        version["has_onnx_model"] = true;
        version["metrics"] = new JsonArray(new JsonObject { ["name"] = "accuracy", ["value"] = 0.9 });
        var updated = await http.PutAsync($"models/{model["id"]}/versions/{version["id"]}", ModelTestApi.Json(version)).OkJson();
        EntityWireShape.Assert("ModelVersion", updated);
        Assert.Equal("tuned", (string)updated["description"]);
        Assert.Equal(1, (int)updated["version_number"]);
        Assert.False((bool)updated["has_onnx_model"]);
        Assert.Single(updated["metrics"]!.AsArray());

        version["application_id"] = "nope";
        Assert.Contains("applications", await http.PutAsync($"models/{model["id"]}/versions/{version["id"]}", ModelTestApi.Json(version)).Fails(HttpStatusCode.BadRequest));
        version["application_id"] = null;
        version["metrics"] = "not a list";
        await http.PutAsync($"models/{model["id"]}/versions/{version["id"]}", ModelTestApi.Json(version)).Fails(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_a_versions_application_recomputes_can_inference()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var vid = (string)model["active_version_id"];
        await http.UploadAsync($"models/{model["id"]}/versions/{vid}/upload", [0x80, 0x04], "export.pkl");
        var fastai = await http.ApplicationIdAsync("fastai", "image_classification");
        var updated = await http.PutAsync($"models/{model["id"]}/versions/{vid}", ModelTestApi.Json($$"""{"application_id":"{{fastai}}"}""")).OkJson();
        Assert.True((bool)updated["can_inference"]);
        Assert.True((bool)(await http.GetAsync($"models/{model["id"]}").OkJson())["can_inference"]);
    }

    [Fact]
    public async Task Uploading_to_a_non_active_version_leaves_the_model_flags_alone()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("{}")).OkJson();
        var uploaded = await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", ModelTestApi.Onnx, "model.onnx");
        Assert.True((bool)uploaded["has_onnx_model"]);
        Assert.True((bool)uploaded["can_inference"]);
        var after = await http.GetAsync($"models/{model["id"]}").OkJson();
        Assert.False((bool)after["has_onnx_model"]);
        Assert.False((bool)after["can_inference"]);
    }

    [Theory]
    [InlineData("labels.txt", "labels", "{0}.txt", "has_labels_file")]
    [InlineData("model_int8.onnx", "onnx_int8", "{0}_int8.onnx", "has_onnx_int8_model")]
    [InlineData("conversion.cfg", "conversion_cfg", "{0}_conversion.cfg", null)]
    [InlineData("yolo.cfg", "cfg", "{0}.cfg", null)]
    [InlineData("obj.names", "names", "{0}.names", "has_labels_file")]
    [InlineData("yolo.weights", "weights", "{0}.weights", "has_ml_model")]
    [InlineData("model.tflite", "tflite", "{0}.tflite", "has_tflite_model")]
    [InlineData("Model.mlmodel", "mlmodel", "{0}.mlmodel", "has_ml_model")]
    public async Task Each_asset_uploads_sets_its_flag_and_downloads_under_its_name(string fileName, string asset, string downloadName, string flag)
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("{}")).OkJson();
        var root = $"models/{model["id"]}/versions/{v2["id"]}";
        var bytes = "a\nb\n"u8.ToArray();
        var version = await http.UploadAsync($"{root}/upload", bytes, fileName);
        if (flag is not null) Assert.True((bool)version[flag]);

        var reply = await http.GetAsync($"{root}/download/{asset}");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(bytes, await reply.Content.ReadAsByteArrayAsync());
        Assert.Equal(string.Format(downloadName, v2["id"]), reply.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task An_image_sent_to_a_version_upload_is_refused_with_a_pointer_to_the_logo_upload()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var message = await http.PostAsync($"models/{model["id"]}/versions/{model["active_version_id"]}/upload", ModelTestApi.File(ModelTestApi.Png, "logo.png", "image/png"))
            .Fails(HttpStatusCode.BadRequest);
        Assert.Contains("logo", message);
    }

    [Fact]
    public async Task The_active_version_cannot_be_deleted_but_another_can_with_its_files()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var mid = (string)model["id"];
        var active = (string)model["active_version_id"];
        Assert.Contains("active_version_id", await http.DeleteAsync($"models/{mid}/versions/{active}").Fails(HttpStatusCode.BadRequest));

        var v2 = await http.PostAsync($"models/{mid}/versions", ModelTestApi.Json("{}")).OkJson();
        await http.UploadAsync($"models/{mid}/versions/{v2["id"]}/upload", ModelTestApi.Onnx, "model.onnx");
        var deleted = await http.DeleteAsync($"models/{mid}/versions/{v2["id"]}").OkJson();
        EntityWireShape.Assert("ModelVersion", deleted);
        Assert.Equal((string)v2["id"], (string)deleted["id"]);
        await http.GetAsync($"models/{mid}/versions/{v2["id"]}").Fails(HttpStatusCode.NotFound);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "files", "models", mid, "versions", (string)v2["id"])));
        Assert.Single((await http.GetAsync($"models/{mid}/versions").OkJson()).AsArray());
    }

    [Fact]
    public async Task A_version_of_another_model_is_404_under_this_one()
    {
        using var http = server.RawClient();
        var a = await http.CreateModelAsync();
        var b = await http.CreateModelAsync();
        var foreign = $"models/{a["id"]}/versions/{b["active_version_id"]}";
        await http.GetAsync(foreign).Fails(HttpStatusCode.NotFound);
        await http.PutAsync(foreign, ModelTestApi.Json("{}")).Fails(HttpStatusCode.NotFound);
        await http.DeleteAsync(foreign).Fails(HttpStatusCode.NotFound);
        await http.PostAsync(foreign + "/upload", ModelTestApi.File([1], "export.pkl")).Fails(HttpStatusCode.NotFound);
        await http.GetAsync(foreign + "/download/pkl").Fails(HttpStatusCode.NotFound);
        await http.GetAsync($"models/{Guid.NewGuid()}/versions").Fails(HttpStatusCode.NotFound);
    }
}
