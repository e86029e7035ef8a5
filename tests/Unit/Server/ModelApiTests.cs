using System.Net;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class ModelApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Create_makes_the_first_version_and_defaults_to_the_onnx_image_classification_application()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        EntityWireShape.Assert("Model", model);
        Assert.Equal("image_classification", (string)model["kind"]);
        Assert.Equal(await http.ApplicationIdAsync("onnx", "image_classification"), (string)model["application_id"]);
        Assert.True((bool)model["auto_convert"]);
        Assert.False((bool)model["can_inference"]);

        var version = await http.GetAsync($"models/{model["id"]}/versions/{model["active_version_id"]}").OkJson();
        EntityWireShape.Assert("ModelVersion", version);
        Assert.Equal(1, (int)version["version_number"]);
        Assert.Equal((string)model["application_id"], (string)version["application_id"]);
        Assert.Equal((string)model["id"], (string)version["model_id"]);
    }

    [Fact]
    public async Task A_given_application_decides_the_kind_and_a_kind_alone_picks_its_onnx_application()
    {
        using var http = server.RawClient();
        var fastaiText = await http.ApplicationIdAsync("fastai", "text_classification");
        var withApp = await http.CreateModelAsync($$""","application_id":"{{fastaiText}}","kind":"structured" """);
        Assert.Equal("text_classification", (string)withApp["kind"]);
        Assert.Equal(fastaiText, (string)withApp["application_id"]);

        var withKind = await http.CreateModelAsync(""","kind":"object_detection" """);
        Assert.Equal(await http.ApplicationIdAsync("onnx", "object_detection"), (string)withKind["application_id"]);
    }

    [Fact]
    public async Task Server_owned_fields_sent_as_null_or_values_are_ignored()
    {
        using var http = server.RawClient();
        var body = """
            {"id":null,"user_id":"someone-else","created_at":null,"updated_at":null,"name":"quirk6","description":null,
             "active_version_id":null,"can_inference":true,"has_onnx_model":true,"has_logo":true,"logo":"../../etc/passwd",
             "shared_with_me":true,"public":false,"application_id":null,"kind":null,"auto_convert":null,"privacy_enabled":true}
            """;
        var model = await http.PostAsync("models", ModelTestApi.Json(body)).OkJson();
        EntityWireShape.Assert("Model", model);
        Assert.NotEqual("someone-else", (string)model["user_id"]);
        Assert.False((bool)model["can_inference"]);
        Assert.False((bool)model["has_onnx_model"]);
        Assert.False((bool)model["has_logo"]);
        Assert.Equal("", (string)model["logo"]);
        Assert.False((bool)model["shared_with_me"]);
        Assert.True((bool)model["auto_convert"]);
        Assert.True((bool)model["privacy_enabled"]);
        Assert.False(string.IsNullOrEmpty((string)model["active_version_id"]));
    }

    [Theory]
    [InlineData("{\"name\":", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("", "empty")]
    [InlineData("{\"name\":42}", "name")]
    [InlineData("{\"name\":\"x\",\"public\":\"yes\"}", "public")]
    [InlineData("{\"name\":\"x\",\"application_id\":\"no-such-app\"}", "applications")]
    [InlineData("{\"name\":\"x\",\"kind\":\"banana\"}", "image_classification")]
    public async Task Bad_create_bodies_get_400_with_a_message(string body, string hint)
    {
        using var http = server.RawClient();
        var before = (await http.GetAsync("models").OkJson()).AsArray().Count;
        var message = await http.PostAsync("models", ModelTestApi.Json(body)).Fails(HttpStatusCode.BadRequest);
        Assert.Contains(hint, message);
        Assert.Equal(before, (await http.GetAsync("models").OkJson()).AsArray().Count);
    }

    [Fact]
    public async Task Update_changes_client_fields_and_keeps_server_owned_ones()
    {
        using var http = server.RawClient();
        var model = (await http.CreateModelAsync()).AsObject();
        model["name"] = "renamed";
        model["public"] = true;
        model["has_onnx_model"] = true;
        model["user_id"] = null;
        model["created_at"] = null;
        var updated = await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json(model)).OkJson();
        EntityWireShape.Assert("Model", updated);
        Assert.Equal("renamed", (string)updated["name"]);
        Assert.True((bool)updated["public"]);
        Assert.False((bool)updated["has_onnx_model"]);
        Assert.Equal("renamed", (string)(await http.GetAsync($"models/{model["id"]}").OkJson())["name"]);
    }

    [Fact]
    public async Task Switching_the_active_version_mirrors_its_flags_and_refuses_a_foreign_version()
    {
        using var http = server.RawClient();
        var model = (await http.CreateModelAsync()).AsObject();
        var other = await http.CreateModelAsync();
        var v2 = await http.PostAsync($"models/{model["id"]}/versions", ModelTestApi.Json("""{"name":"second"}""")).OkJson();
        await http.UploadAsync($"models/{model["id"]}/versions/{v2["id"]}/upload", ModelTestApi.Onnx, "model.onnx");

        model["active_version_id"] = (string)v2["id"];
        var switched = await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json(model)).OkJson();
        Assert.Equal((string)v2["id"], (string)switched["active_version_id"]);
        Assert.True((bool)switched["has_onnx_model"]);
        Assert.True((bool)switched["can_inference"]);

        model["active_version_id"] = (string)other["active_version_id"];
        var message = await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json(model)).Fails(HttpStatusCode.BadRequest);
        Assert.Contains("not a version of this model", message);
        Assert.Equal((string)v2["id"], (string)(await http.GetAsync($"models/{model["id"]}").OkJson())["active_version_id"]);
    }

    [Fact]
    public async Task Delete_replies_the_model_and_removes_versions_files_and_shares()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var id = (string)model["id"];
        await http.UploadAsync($"models/{id}/upload", ModelTestApi.Onnx, "model.onnx");
        await http.UploadAsync($"models/{id}/upload", ModelTestApi.Png, "logo.png", "image/png");
        var friend = await server.RegisterUserAsync();
        await http.PostAsync($"models/{id}/share", ModelTestApi.Json($$"""{"email":"{{friend.Email}}"}""")).OkJson();

        var deleted = await http.DeleteAsync($"models/{id}").OkJson();
        EntityWireShape.Assert("Model", deleted);
        Assert.Equal(id, (string)deleted["id"]);
        await http.GetAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
        Assert.Null(server.Server.Store.Get("model_version", (string)model["active_version_id"]));
        Assert.Empty(server.Server.Store.List("share", id));
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "files", "models", id)));
        await http.DeleteAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_onnx_file_makes_the_active_version_of_an_onnx_model_inferable()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var version = await http.UploadAsync($"models/{model["id"]}/upload", ModelTestApi.Onnx, "model.onnx");
        EntityWireShape.Assert("ModelVersion", version);
        Assert.Equal((string)model["active_version_id"], (string)version["id"]);
        Assert.True((bool)version["has_onnx_model"]);
        Assert.True((bool)version["can_inference"]);
        Assert.False((bool)version["has_ml_model"]);

        var after = await http.GetAsync($"models/{model["id"]}").OkJson();
        Assert.True((bool)after["has_onnx_model"]);
        Assert.True((bool)after["can_inference"]);
    }

    [Fact]
    public async Task An_onnx_file_that_does_not_load_is_refused_before_the_version_claims_it_can_predict()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var random = new byte[4096];
        new Random(16).NextBytes(random);

        var message = await http.PostAsync($"models/{model["id"]}/upload", ModelTestApi.File(random, "random.onnx")).Fails(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("The .onnx file 'random.onnx' could not be loaded: ", message);
        var after = await http.GetAsync($"models/{model["id"]}").OkJson();
        Assert.False((bool)after["has_onnx_model"]);   // nothing was stored
        Assert.False((bool)after["can_inference"]);
        var fastai = await http.ApplicationIdAsync("fastai", "image_classification");
        var converted = await http.CreateModelAsync($$""","application_id":"{{fastai}}" """);
        Assert.True((bool)(await http.UploadAsync($"models/{converted["id"]}/upload", random, "random.onnx"))["has_onnx_model"]); // an asset it does not run is kept as it is
    }

    [Fact]
    public async Task A_pkl_file_is_stored_but_does_not_make_an_onnx_model_inferable_while_a_fastai_one_is()
    {
        using var http = server.RawClient();
        var onnxModel = await http.CreateModelAsync();
        var onnxVersion = await http.UploadAsync($"models/{onnxModel["id"]}/upload", [0x80, 0x04, 0x95], "export.pkl");
        Assert.True((bool)onnxVersion["has_ml_model"]);
        Assert.False((bool)onnxVersion["can_inference"]);

        var fastai = await http.ApplicationIdAsync("fastai", "image_classification");
        var fastaiModel = await http.CreateModelAsync($$""","application_id":"{{fastai}}" """);
        var fastaiVersion = await http.UploadAsync($"models/{fastaiModel["id"]}/upload", [0x80, 0x04, 0x95], "export.pkl");
        Assert.True((bool)fastaiVersion["can_inference"]);
    }

    public static TheoryData<byte[], string, string> Unnamed => new()
    {
        { new byte[] { 0x80, 0x04, 0x95, 0x01 }, "has_ml_model", "pkl" },
        { ModelTestApi.Onnx, "has_onnx_model", "onnx" },
    };

    [Theory]
    [MemberData(nameof(Unnamed))]
    public async Task A_file_literally_named_filename_is_sniffed_as_onnx_or_taken_as_pkl(byte[] bytes, string flag, string asset)
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var version = await http.UploadAsync($"models/{model["id"]}/upload", bytes, "filename");
        Assert.True((bool)version[flag]);
        var download = await http.GetAsync($"models/{model["id"]}/download/{asset}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(asset == "onnx", (bool)version["can_inference"]); // the ONNX model of an ONNX application runs; a pickle does not here
    }

    [Fact]
    public async Task A_labels_file_sets_has_labels_file_and_classes_on_version_and_model()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var version = await http.UploadAsync($"models/{model["id"]}/upload", "cat\r\ndog\n\nbird\n"u8.ToArray(), "labels.txt");
        Assert.True((bool)version["has_labels_file"]);
        Assert.Equal("cat,dog,bird", (string)version["classes"]);
        Assert.Equal("cat,dog,bird", (string)(await http.GetAsync($"models/{model["id"]}").OkJson())["classes"]);
    }

    [Fact]
    public async Task Downloads_stream_the_active_versions_asset_under_the_spec_name()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        byte[] bytes = ModelTestApi.Onnx;
        await http.UploadAsync($"models/{model["id"]}/upload", bytes, "model.onnx");
        var reply = await http.GetAsync($"models/{model["id"]}/download/onnx");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(bytes, await reply.Content.ReadAsByteArrayAsync());
        Assert.Equal($"{model["active_version_id"]}.onnx", reply.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task A_missing_asset_is_404_and_an_unknown_asset_type_is_400_listing_the_valid_ones()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        Assert.Contains("upload", await http.GetAsync($"models/{model["id"]}/download/tflite").Fails(HttpStatusCode.NotFound));
        var message = await http.GetAsync($"models/{model["id"]}/download/exe").Fails(HttpStatusCode.BadRequest);
        Assert.Contains("pkl, mlmodel, tflite, onnx, onnx_int8, names, labels, weights, cfg, conversion_cfg", message);
    }

    [Fact]
    public async Task A_png_logo_sets_has_logo_and_a_bare_logo_name_and_downloads_back()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var updated = await http.UploadAsync($"models/{model["id"]}/upload", ModelTestApi.Png, "my logo.png", "image/png");
        EntityWireShape.Assert("Model", updated);
        Assert.True((bool)updated["has_logo"]);
        Assert.Equal("logo.png", (string)updated["logo"]);

        var reply = await http.GetAsync($"models/{model["id"]}/download/logo");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(ModelTestApi.Png, await reply.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", reply.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_logo_that_is_not_an_image_is_refused_and_changes_nothing()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var message = await http.PostAsync($"models/{model["id"]}/upload", ModelTestApi.File("not an image"u8.ToArray(), "logo.png", "image/png"))
            .Fails(HttpStatusCode.BadRequest);
        Assert.Contains("PNG or JPEG", message);
        Assert.False((bool)(await http.GetAsync($"models/{model["id"]}").OkJson())["has_logo"]);
        await http.GetAsync($"models/{model["id"]}/download/logo").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_uploads_get_400_and_leave_no_temp_files()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var upload = $"models/{model["id"]}/upload";
        await http.PostAsync(upload, ModelTestApi.Json("{}")).Fails(HttpStatusCode.BadRequest);
        var wrongPart = new MultipartFormDataContent { { new ByteArrayContent([1, 2]), "model", "export.pkl" } };
        Assert.Contains("'file'", await http.PostAsync(upload, wrongPart).Fails(HttpStatusCode.BadRequest));
        Assert.Contains("empty", await http.PostAsync(upload, ModelTestApi.File([], "export.pkl")).Fails(HttpStatusCode.BadRequest));
        Assert.Contains(".onnx", await http.PostAsync(upload, ModelTestApi.File([1, 2, 3], "model.exe")).Fails(HttpStatusCode.BadRequest));
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));
        var version = await http.GetAsync($"models/{model["id"]}/versions/{model["active_version_id"]}").OkJson();
        Assert.False((bool)version["has_ml_model"]);
    }

    [Fact]
    public async Task Unknown_models_are_404()
    {
        using var http = server.RawClient();
        var id = Guid.NewGuid().ToString();
        await http.GetAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
        await http.PutAsync($"models/{id}", ModelTestApi.Json("{}")).Fails(HttpStatusCode.NotFound);
        await http.PostAsync($"models/{id}/upload", ModelTestApi.File([1], "export.pkl")).Fails(HttpStatusCode.NotFound);
        await http.GetAsync($"models/{id}/download/onnx").Fails(HttpStatusCode.NotFound);
    }
}
