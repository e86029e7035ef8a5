using System.Net;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class DatasetVersionApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    [Fact]
    public async Task Versions_crud()
    {
        var dataset = await _api.CreateDatasetAsync();
        var ds = (string)dataset["id"];
        var created = await _api.OkAsync(_api.PostAsync($"datasets/{ds}/versions", """{"id":null,"name":"second","description":"d","labels":null,"splits":[],"dataset_id":null,"config":"{}"}"""));
        DatasetWireShape.Version(created);
        Assert.Equal(ds, (string)created["dataset_id"]);
        Assert.Empty(created["splits"]!.AsArray());
        var dv = (string)created["id"];

        var list = await _api.OkAsync(_api.GetAsync($"datasets/{ds}/versions"));
        Assert.Equal(2, list.AsArray().Count);
        foreach (var v in list.AsArray()) DatasetWireShape.Version(v);

        var full = (await _api.OkAsync(_api.GetAsync($"datasets/{ds}/versions/{dv}"))).AsObject();
        full["name"] = "renamed";
        full["dataset_id"] = "someone else's";
        var updated = await _api.OkAsync(_api.PutAsync($"datasets/{ds}/versions/{dv}", full.ToJsonString()));
        Assert.Equal("renamed", (string)updated["name"]);
        Assert.Equal(ds, (string)updated["dataset_id"]);

        var deleted = await _api.OkAsync(_api.DeleteAsync($"datasets/{ds}/versions/{dv}"));
        Assert.Equal("renamed", (string)deleted["name"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{ds}/versions/{dv}"));
        Assert.Single((await _api.OkAsync(_api.GetAsync($"datasets/{ds}")))["versions"]!.AsArray());
    }

    [Fact]
    public async Task Get_embeds_labels_and_splits()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" }));
        var version = await _api.OkAsync(_api.GetAsync(path));
        DatasetWireShape.Version(version);
        Assert.Equal("cat", (string)Assert.Single(version["labels"]!.AsArray())!["name"]);
        Assert.Equal(3, version["splits"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_version_of_another_dataset_is_404()
    {
        var one = await _api.CreateDatasetAsync();
        var two = await _api.CreateDatasetAsync();
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{(string)one["id"]}/versions/{(string)two["versions"]![0]!["id"]}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"datasets/{(string)one["id"]}/versions/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Duplicate_copies_labels_splits_items_annotations_and_images_with_new_ids()
    {
        var dataset = await _api.CreateDatasetAsync();
        var ds = (string)dataset["id"];
        var path = VersionPath(dataset);
        var version = dataset["versions"]![0]!;
        var label = await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "dog", color = "#112233" }));
        var train = SplitId(version, "train");
        var item = await _api.OkAsync(_api.PostAsync(path + "/items", new
        {
            name = "rex",
            splits = new[] { new { id = train } },
            annotations = new[] { new { label_id = (string)label["id"], coordinates = "0.5 0.5 0.2 0.2" } },
        }));
        var image = Image(50, 30);
        await _api.OkAsync(_api.UploadAsync($"{path}/items/{(string)item["id"]}/upload", image));

        var copy = await _api.OkAsync(_api.PostAsync($"{path}/new", new { dataset_id = ds }));
        DatasetWireShape.Version(copy);
        var copyPath = $"datasets/{ds}/versions/{(string)copy["id"]}";
        Assert.NotEqual((string)version["id"], (string)copy["id"]);
        var copiedLabel = Assert.Single(copy["labels"]!.AsArray())!;
        Assert.NotEqual((string)label["id"], (string)copiedLabel["id"]);
        Assert.Equal("#112233", (string)copiedLabel["color"]);
        Assert.Equal((string)copy["id"], (string)copiedLabel["version_id"]);

        var items = await _api.OkAsync(_api.GetAsync(copyPath + "/items"));
        var copied = Assert.Single(items.AsArray())!;
        DatasetWireShape.Item(copied);
        Assert.NotEqual((string)item["id"], (string)copied["id"]);
        Assert.Equal(SplitId(copy, "train"), (string)copied["splits"]![0]!["id"]);
        var annotation = Assert.Single(copied["annotations"]!.AsArray())!;
        Assert.Equal((string)copiedLabel["id"], (string)annotation["label_id"]);
        Assert.Equal((string)copied["id"], (string)annotation["item_id"]);
        Assert.Equal(SplitId(copy, "train"), (string)annotation["split_id"]);
        Assert.Equal(image, await _api.DownloadAsync($"{copyPath}/items/{(string)copied["id"]}/download"));

        // the source is untouched
        Assert.Single((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.Equal(2, (await _api.OkAsync(_api.GetAsync($"datasets/{ds}")))["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Version_bodies_are_validated()
    {
        var dataset = await _api.CreateDatasetAsync();
        var ds = (string)dataset["id"];
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync($"datasets/{ds}/versions", new { name = new[] { 1 } }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, $"datasets/{ds}/versions", "not json"));
        await FailsAsync(HttpStatusCode.NotFound, _api.PostAsync($"{VersionPath(dataset)}/new", new { dataset_id = Guid.NewGuid().ToString() }));
        Assert.Single((await _api.OkAsync(_api.GetAsync($"datasets/{ds}/versions"))).AsArray());
    }
}
