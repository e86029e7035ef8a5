using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Server.Storage;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class DatasetVisibilityTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _owner = new(server.RawClient());

    private async Task<(DatasetTestApi Other, string Email, JsonNode Dataset, string Path, string Item, string Label)> SetupAsync()
    {
        var user = await server.RegisterUserAsync();
        var other = new DatasetTestApi(server.RawClient(user.Username, user.ApiKey));
        var dataset = await _owner.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var label = (string)(await _owner.OkAsync(_owner.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var item = (string)(await _owner.OkAsync(_owner.PostAsync(path + "/items", new { name = "x" })))["id"];
        await _owner.OkAsync(_owner.UploadAsync($"{path}/items/{item}/upload", Image()));
        return (other, user.Email, dataset, path, item, label);
    }

    [Fact]
    public async Task A_private_dataset_is_invisible_to_others_everywhere()
    {
        var (other, _, dataset, path, item, label) = await SetupAsync();
        var ds = (string)dataset["id"];
        Assert.DoesNotContain((await other.OkAsync(other.GetAsync("datasets"))).AsArray(), d => (string)d["id"] == ds);
        foreach (var url in new[] { $"datasets/{ds}", $"datasets/{ds}/versions", path, path + "/items", $"{path}/items/{item}", $"{path}/items/{item}/download", path + "/labels", path + "/download" })
            await FailsAsync(HttpStatusCode.NotFound, other.GetAsync(url));
        await FailsAsync(HttpStatusCode.NotFound, other.PutAsync($"datasets/{ds}", new { name = "mine now" }));
        await FailsAsync(HttpStatusCode.NotFound, other.DeleteAsync($"{path}/labels/{label}"));
        await FailsAsync(HttpStatusCode.NotFound, other.DeleteAsync($"datasets/{ds}"));
    }

    [Fact]
    public async Task A_public_dataset_is_readable_but_only_the_owner_may_change_it()
    {
        var (other, _, dataset, path, item, label) = await SetupAsync();
        var ds = (string)dataset["id"];
        var full = dataset.AsObject();
        full["public"] = true;
        await _owner.OkAsync(_owner.PutAsync($"datasets/{ds}", full.ToJsonString()));

        var seen = (await other.OkAsync(other.GetAsync("datasets"))).AsArray().Single(d => (string)d["id"] == ds);
        Assert.False((bool)seen["shared_with_me"]);
        await other.OkAsync(other.GetAsync($"{path}/items/{item}"));
        await other.DownloadAsync($"{path}/items/{item}/download?thumbnail=true");
        await other.DownloadAsync(path + "/download");

        await FailsAsync(HttpStatusCode.Forbidden, other.PutAsync($"datasets/{ds}", full.ToJsonString()));
        await FailsAsync(HttpStatusCode.Forbidden, other.DeleteAsync($"datasets/{ds}"));
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync($"datasets/{ds}/versions", new { name = "v" }));
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync(path + "/labels", new { name = "dog" }));
        await FailsAsync(HttpStatusCode.Forbidden, other.DeleteAsync($"{path}/labels/{label}"));
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync(path + "/items", new { name = "spam" }));
        await FailsAsync(HttpStatusCode.Forbidden, other.DeleteAsync($"{path}/items/{item}"));
        await FailsAsync(HttpStatusCode.Forbidden, other.UploadAsync($"{path}/items/{item}/upload", Image()));
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync(path + "/annotations", new { label_id = label, item_id = item }));
        await FailsAsync(HttpStatusCode.Forbidden, other.UploadAsync(path + "/upload", ZipFormatTests.Zip(new() { ["train/a.png"] = Image() }), "d.zip", "application/zip"));
        await FailsAsync(HttpStatusCode.Forbidden, other.UploadAsync($"datasets/{ds}/upload", Image()));
        Assert.Single((await _owner.OkAsync(_owner.GetAsync(path + "/items"))).AsArray());

        // a viewer may copy the version into a dataset of their own, not into the owner's
        var own = await other.CreateDatasetAsync(defaultSplits: false);
        var copy = await other.OkAsync(other.PostAsync($"{path}/new", new { dataset_id = (string)own["id"] }));
        Assert.Equal((string)own["id"], (string)copy["dataset_id"]);
        Assert.Single((await other.OkAsync(other.GetAsync($"datasets/{(string)own["id"]}/versions/{(string)copy["id"]}/items"))).AsArray());
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync($"{path}/new", new { dataset_id = ds }));
    }

    [Fact]
    public async Task A_shared_dataset_is_marked_shared_with_me_for_that_user_only()
    {
        var (other, email, dataset, path, _, _) = await SetupAsync();
        var ds = (string)dataset["id"];
        var share = Entities.Create(Kinds.Share);
        share["email"] = email;
        share["entity_type"] = "datasets";
        share["entity_id"] = ds;
        server.Server.Store.Put(Kinds.Share, share, ds);

        var seen = (await other.OkAsync(other.GetAsync("datasets"))).AsArray().Single(d => (string)d["id"] == ds);
        Assert.True((bool)seen["shared_with_me"]);
        Assert.True((bool)(await other.OkAsync(other.GetAsync($"datasets/{ds}")))["shared_with_me"]);
        Assert.False((bool)(await _owner.OkAsync(_owner.GetAsync($"datasets/{ds}")))["shared_with_me"]);
        await other.OkAsync(other.GetAsync(path + "/items"));
        await FailsAsync(HttpStatusCode.Forbidden, other.PostAsync(path + "/splits", new { name = "mine" }));
    }
}
