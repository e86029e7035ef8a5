using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class DatasetApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    [Fact]
    public async Task Create_makes_the_first_version_with_the_default_splits()
    {
        var dataset = await _api.CreateDatasetAsync(defaultSplits: true);
        DatasetWireShape.Dataset(dataset);
        Assert.Equal("images", (string)dataset["content_type"]);
        var version = Assert.Single(dataset["versions"]!.AsArray());
        Assert.Equal((string)dataset["id"], (string)version["dataset_id"]);
        Assert.Equal(["train", "valid", "test"], version["splits"]!.AsArray().Select(s => (string)s["name"]));

        var plain = await _api.CreateDatasetAsync(defaultSplits: false);
        Assert.Empty(plain["versions"]![0]!["splits"]!.AsArray());
    }

    [Fact]
    public async Task Create_ignores_server_owned_fields_the_sdk_sends_as_null_or_garbage()
    {
        var body = """{"id":null,"user_id":null,"created_at":null,"updated_at":null,"versions":[],"name":"quirky","description":null,"content_type":"text","has_logo":true,"logo":"../../etc/passwd","shared_with_me":true,"default_splits":false,"extra_field":{"a":1}}""";
        var dataset = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, "datasets", body, contentType: null));
        DatasetWireShape.Dataset(dataset);
        Assert.Equal("quirky", (string)dataset["name"]);
        Assert.Equal("", (string)dataset["description"]);
        Assert.False((bool)dataset["has_logo"]);
        Assert.Equal("", (string)dataset["logo"]);
        Assert.False((bool)dataset["shared_with_me"]);
        Assert.Single(dataset["versions"]!.AsArray());
        Assert.Equal(1, (int)dataset["extra_field"]!["a"]);
    }

    [Theory]
    [InlineData("images")]
    [InlineData("text")]
    [InlineData("tabular")]
    [InlineData("ner")]
    [InlineData("documents")]
    public async Task Every_known_content_type_is_accepted(string contentType)
    {
        var dataset = await _api.CreateDatasetAsync(contentType);
        Assert.Equal(contentType, (string)dataset["content_type"]);
    }

    [Fact]
    public async Task Bad_create_bodies_are_400_and_write_nothing()
    {
        var before = (await _api.OkAsync(_api.GetAsync("datasets"))).AsArray().Count;
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync("datasets", new { name = "x", content_type = "video" }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, "datasets", "{\"name\": "));
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, "datasets", "[1,2]"));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync("datasets", new { name = 5 }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync("datasets", new { name = "x", multi_label = "yes" }));
        Assert.Equal(before, (await _api.OkAsync(_api.GetAsync("datasets"))).AsArray().Count);
    }

    [Fact]
    public async Task Get_list_update_and_delete()
    {
        var dataset = await _api.CreateDatasetAsync();
        var id = (string)dataset["id"];
        var got = await _api.OkAsync(_api.GetAsync($"datasets/{id}"));
        DatasetWireShape.Dataset(got);
        Assert.Contains((await _api.OkAsync(_api.GetAsync("datasets"))).AsArray(), d => (string)d["id"] == id);

        var full = got.AsObject();
        full["name"] = "renamed";
        full["notes"] = "some notes";
        full["multi_label"] = true;
        full["versions"] = new JsonArray();
        full["future_field"] = "kept";
        var updated = await _api.OkAsync(_api.PutAsync($"datasets/{id}", full.ToJsonString()));
        DatasetWireShape.Dataset(updated);
        Assert.Equal("renamed", (string)updated["name"]);
        Assert.True((bool)updated["multi_label"]);
        Assert.Equal("kept", (string)updated["future_field"]);
        Assert.Single(updated["versions"]!.AsArray());

        var deleted = await _api.OkAsync(_api.DeleteAsync($"datasets/{id}"));
        Assert.Equal("renamed", (string)deleted["name"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{id}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{id}/versions/{(string)dataset["versions"]![0]!["id"]}"));
    }

    [Fact]
    public async Task Delete_cascades_to_items_and_files()
    {
        var dataset = await _api.CreateDatasetAsync();
        var versionPath = VersionPath(dataset);
        var item = await _api.OkAsync(_api.PostAsync(versionPath + "/items", new { name = "one" }));
        await _api.OkAsync(_api.UploadAsync($"{versionPath}/items/{(string)item["id"]}/upload", Image()));
        var folder = Path.Combine(server.DataDirectory, "files", "datasets", (string)dataset["id"]);
        Assert.True(Directory.Exists(folder));

        await _api.OkAsync(_api.DeleteAsync($"datasets/{(string)dataset["id"]}"));
        Assert.False(Directory.Exists(folder));
        Assert.Null(server.Server.Store.Get("item", (string)item["id"]));
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{Guid.NewGuid()}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.PutAsync($"datasets/{Guid.NewGuid()}", new { name = "x" }));
        await FailsAsync(HttpStatusCode.NotFound, _api.DeleteAsync($"datasets/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Logo_upload_and_download()
    {
        var dataset = await _api.CreateDatasetAsync();
        var id = (string)dataset["id"];
        var png = Image(40, 40);
        var withLogo = await _api.OkAsync(_api.UploadAsync($"datasets/{id}/upload", png, fileName: "filename", contentType: "image/jpg"));
        DatasetWireShape.Dataset(withLogo);
        Assert.True((bool)withLogo["has_logo"]);
        Assert.Equal("logo.png", (string)withLogo["logo"]);
        Assert.Equal(png, await _api.DownloadAsync($"datasets/{id}/logo"));

        var jpeg = Image(40, 40, SKEncodedImageFormat.Jpeg);
        var replaced = await _api.OkAsync(_api.UploadAsync($"datasets/{id}/upload", jpeg, "x.jpg", "image/jpeg"));
        Assert.Equal("logo.jpg", (string)replaced["logo"]);
        Assert.Equal(jpeg, await _api.DownloadAsync($"datasets/{id}/logo"));
    }

    [Fact]
    public async Task Logo_must_be_an_image()
    {
        var dataset = await _api.CreateDatasetAsync();
        var id = (string)dataset["id"];
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{id}/logo"));
        var message = await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"datasets/{id}/upload", "not an image"u8.ToArray(), "logo.png"));
        Assert.Contains("not an image", message);
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, $"datasets/{id}/upload", "{}"));
        Assert.False((bool)(await _api.OkAsync(_api.GetAsync($"datasets/{id}")))["has_logo"]);
    }
}
