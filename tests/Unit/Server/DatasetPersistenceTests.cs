using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class DatasetPersistenceTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task A_dataset_with_items_and_images_survives_a_restart()
    {
        var api = new DatasetTestApi(server.RawClient());
        var dataset = await api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var train = SplitId(dataset["versions"]![0]!, "train");
        var label = (string)(await api.OkAsync(api.PostAsync(path + "/labels", new { name = "cat", color = "#010203" })))["id"];
        var item = await api.OkAsync(api.PostAsync(path + "/items", new { name = "kitty", splits = new[] { new { id = train } }, annotations = new[] { new { label_id = label, coordinates = "0.5 0.5 0.1 0.1" } } }));
        var image = Image(300, 200);
        await api.OkAsync(api.UploadAsync($"{path}/items/{(string)item["id"]}/upload", image));
        var before = (await api.OkAsync(api.GetAsync($"datasets/{(string)dataset["id"]}"))).ToJsonString();
        var itemBefore = (await api.OkAsync(api.GetAsync($"{path}/items/{(string)item["id"]}"))).ToJsonString();

        await server.RestartAsync();

        var after = new DatasetTestApi(server.RawClient());
        Assert.Equal(before, (await after.OkAsync(after.GetAsync($"datasets/{(string)dataset["id"]}"))).ToJsonString());
        Assert.Equal(itemBefore, (await after.OkAsync(after.GetAsync($"{path}/items/{(string)item["id"]}"))).ToJsonString());
        Assert.Equal(image, await after.DownloadAsync($"{path}/items/{(string)item["id"]}/download"));
        Assert.NotEmpty(await after.DownloadAsync($"{path}/items/{(string)item["id"]}/download?thumbnail=true"));
    }
}
