using System.Net;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class AnnotationApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    private async Task<(string Path, string Label, string Item, string Split)> SetupAsync()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var split = SplitId(dataset["versions"]![0]!, "valid");
        var label = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var item = (string)(await _api.OkAsync(_api.PostAsync(path + "/items", new { splits = new[] { new { id = split } } })))["id"];
        return (path, label, item, split);
    }

    [Fact]
    public async Task Create_update_delete()
    {
        var (path, label, item, split) = await SetupAsync();
        var created = await _api.OkAsync(_api.PostAsync(path + "/annotations", new { id = (string)null, label_id = label, item_id = item, split_id = split, coordinates = "0.5  0.5 0.25 1" }));
        DatasetWireShape.Annotation(created);
        Assert.Equal("0.5 0.5 0.25 1", (string)created["coordinates"]);
        Assert.Equal(split, (string)created["split_id"]);
        var id = (string)created["id"];
        Assert.Single((await _api.OkAsync(_api.GetAsync($"{path}/items/{item}")))["annotations"]!.AsArray());

        var full = created.AsObject();
        full["coordinates"] = "";
        full["item_id"] = Guid.NewGuid().ToString(); // server-owned: ignored
        var updated = await _api.OkAsync(_api.PutAsync($"{path}/annotations/{id}", full.ToJsonString()));
        Assert.Equal("", (string)updated["coordinates"]);
        Assert.Equal(item, (string)updated["item_id"]);

        var deleted = await _api.OkAsync(_api.DeleteAsync($"{path}/annotations/{id}"));
        DatasetWireShape.Annotation(deleted);
        Assert.Equal(id, (string)deleted["id"]);
        Assert.Empty((await _api.OkAsync(_api.GetAsync($"{path}/items/{item}")))["annotations"]!.AsArray());
        await FailsAsync(HttpStatusCode.NotFound, _api.DeleteAsync($"{path}/annotations/{id}"));
    }

    [Fact]
    public async Task A_missing_split_id_is_filled_with_the_items_first_split()
    {
        var (path, label, item, split) = await SetupAsync();
        var created = await _api.OkAsync(_api.PostAsync(path + "/annotations", new { label_id = label, item_id = item }));
        Assert.Equal(split, (string)created["split_id"]);
        Assert.Equal("", (string)created["coordinates"]);
    }

    [Theory]
    [InlineData("0.5 0.5 0.5")]
    [InlineData("0.5 0.5 0.5 1.5")]
    [InlineData("-0.1 0.5 0.5 0.5")]
    [InlineData("a b c d")]
    [InlineData("0.1,0.2,0.3,0.4")]
    public async Task Bad_coordinates_are_400(string coordinates)
    {
        var (path, label, item, _) = await SetupAsync();
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { label_id = label, item_id = item, coordinates }));
        Assert.Empty((await _api.OkAsync(_api.GetAsync($"{path}/items/{item}")))["annotations"]!.AsArray());
    }

    [Fact]
    public async Task References_outside_the_version_are_400()
    {
        var (path, label, item, split) = await SetupAsync();
        var (otherPath, otherLabel, otherItem, otherSplit) = await SetupAsync();
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { label_id = otherLabel, item_id = item }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { label_id = label, item_id = otherItem }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { label_id = label, item_id = item, split_id = otherSplit }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { label_id = label }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/annotations", new { item_id = item }));

        var created = await _api.OkAsync(_api.PostAsync(path + "/annotations", new { label_id = label, item_id = item, split_id = split }));
        await FailsAsync(HttpStatusCode.NotFound, _api.PutAsync($"{otherPath}/annotations/{(string)created["id"]}", created.ToJsonString()));
        await FailsAsync(HttpStatusCode.NotFound, _api.DeleteAsync($"{otherPath}/annotations/{(string)created["id"]}"));
        var bad = created.AsObject();
        bad["label_id"] = otherLabel;
        await FailsAsync(HttpStatusCode.BadRequest, _api.PutAsync($"{path}/annotations/{(string)created["id"]}", bad.ToJsonString()));
    }
}
