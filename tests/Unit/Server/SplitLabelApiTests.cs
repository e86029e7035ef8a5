using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class SplitLabelApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    [Fact]
    public async Task Splits_crud()
    {
        var dataset = await _api.CreateDatasetAsync(defaultSplits: false);
        var path = VersionPath(dataset) + "/splits";
        var split = await _api.OkAsync(_api.PostAsync(path, """{"id":null,"name":"holdout","description":"d","version_id":null,"user_id":null}"""));
        DatasetWireShape.Split(split);
        Assert.Equal((string)dataset["versions"]![0]!["id"], (string)split["version_id"]);
        var id = (string)split["id"];

        Assert.Single((await _api.OkAsync(_api.GetAsync(path))).AsArray());
        Assert.Equal("holdout", (string)(await _api.OkAsync(_api.GetAsync($"{path}/{id}")))["name"]);
        var full = split.AsObject();
        full["name"] = "eval";
        Assert.Equal("eval", (string)(await _api.OkAsync(_api.PutAsync($"{path}/{id}", full.ToJsonString())))["name"]);
        Assert.Equal("eval", (string)(await _api.OkAsync(_api.DeleteAsync($"{path}/{id}")))["name"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/{id}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.DeleteAsync($"{path}/{id}"));
    }

    [Fact]
    public async Task Split_and_label_names_are_required_and_unique()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/splits", new { name = "train" }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/splits", new { description = "no name" }));
        await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/labels", new { name = "cat" }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/labels", new { name = " " }));
    }

    [Fact]
    public async Task Labels_get_indexes_and_palette_colours_assigned_by_the_server()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset) + "/labels";
        var first = await _api.OkAsync(_api.PostAsync(path, """{"id":null,"name":"a","index":0,"color":null,"shortcut":"1","version_id":null}"""));
        var second = await _api.OkAsync(_api.PostAsync(path, """{"name":"b","index":0,"color":"#ABCDEF"}"""));
        var third = await _api.OkAsync(_api.PostAsync(path, new { name = "c", index = 7 }));
        foreach (var label in new[] { first, second, third }) DatasetWireShape.Label(label);
        Assert.Equal([0, 1, 2], new[] { first, second, third }.Select(l => (int)l["index"]));
        Assert.Equal("#e6194b", (string)first["color"]);
        Assert.Equal("#ABCDEF", (string)second["color"]);
        Assert.Equal("#ffe119", (string)third["color"]);
        Assert.Equal("1", (string)first["shortcut"]);

        // deleting renumbers the others
        Assert.Equal("a", (string)(await _api.OkAsync(_api.DeleteAsync($"{path}/{(string)first["id"]}")))["name"]);
        var labels = (await _api.OkAsync(_api.GetAsync(path))).AsArray();
        Assert.Equal(["b", "c"], labels.Select(l => (string)l["name"]));
        Assert.Equal([0, 1], labels.Select(l => (int)l["index"]));
    }

    [Theory]
    [InlineData("#fff")]
    [InlineData("#FFF")]
    [InlineData("#fFf8")]
    [InlineData("#D2691e")]
    [InlineData("#d2691e80")]
    [InlineData("#D2691E80")]
    public async Task The_colour_forms_a_user_writes_are_kept_as_given(string color)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset) + "/labels";
        var created = await _api.OkAsync(_api.PostAsync(path, new { name = "x", color = " " + color }));
        Assert.Equal(color, (string)created["color"]);
        Assert.Equal(color, (string)(await _api.OkAsync(_api.GetAsync($"{path}/{(string)created["id"]}")))["color"]);

        var other = await _api.OkAsync(_api.PostAsync(path, new { name = "y" }));
        var full = other.AsObject();
        full["color"] = color;
        Assert.Equal(color, (string)(await _api.OkAsync(_api.PutAsync($"{path}/{(string)other["id"]}", full.ToJsonString())))["color"]);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#GGGGGG")]
    [InlineData("fff")]
    [InlineData("#ff")]
    [InlineData("#fffff")]
    [InlineData("#fffffffff")]
    public async Task A_malformed_colour_is_400(string color)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset) + "/labels";
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path, new { name = "x", color }));
        var label = await _api.OkAsync(_api.PostAsync(path, new { name = "y" }));
        var full = label.AsObject();
        full["color"] = color;
        await FailsAsync(HttpStatusCode.BadRequest, _api.PutAsync($"{path}/{(string)label["id"]}", full.ToJsonString()));
        Assert.Single((await _api.OkAsync(_api.GetAsync(path))).AsArray());
    }

    [Fact]
    public async Task Label_update_keeps_index_and_changes_the_rest()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset) + "/labels";
        await _api.OkAsync(_api.PostAsync(path, new { name = "a" }));
        var label = await _api.OkAsync(_api.PostAsync(path, new { name = "b" }));
        var full = label.AsObject();
        full["name"] = "bee";
        full["color"] = "#000000";
        full["index"] = 0;
        var updated = await _api.OkAsync(_api.PutAsync($"{path}/{(string)label["id"]}", full.ToJsonString()));
        Assert.Equal("bee", (string)updated["name"]);
        Assert.Equal("#000000", (string)updated["color"]);
        Assert.Equal(1, (int)updated["index"]);
    }

    [Fact]
    public async Task Label_stats_count_per_label_and_the_unlabelled_items()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var train = SplitId(dataset["versions"]![0]!, "train");
        var valid = SplitId(dataset["versions"]![0]!, "valid");
        var cat = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var dog = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "dog" })))["id"];
        async Task Item(string split, params object[] annotations) =>
            await _api.OkAsync(_api.PostAsync(path + "/items", new { splits = new[] { new { id = split } }, annotations }));
        await Item(train, new { label_id = cat, coordinates = "0.1 0.1 0.1 0.1" }, new { label_id = cat, coordinates = "0.5 0.5 0.1 0.1" });
        await Item(train, new { label_id = cat, coordinates = "" });
        await Item(train);
        await Item(valid, new { label_id = dog, coordinates = "" });

        var stats = (await _api.OkAsync(_api.GetAsync($"{path}/labels/splits/{train}"))).AsArray();
        foreach (var stat in stats) DatasetWireShape.LabelStat(stat);
        JsonNode Stat(string id) => stats.Single(s => (string)s["label_id"] == id);
        Assert.Equal(3, (int)Stat(cat)["annotation_count"]);
        Assert.Equal(2, (int)Stat(cat)["item_count"]);
        Assert.Equal(0, (int)Stat(dog)["item_count"]);
        Assert.Equal(1, (int)Stat("")["count"]);
        Assert.All(stats, s => Assert.Equal(train, (string)s["split_id"]));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/labels/splits/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Deleting_a_split_deletes_items_only_in_it_and_keeps_the_others()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var version = dataset["versions"]![0]!;
        var train = SplitId(version, "train");
        var valid = SplitId(version, "valid");
        var onlyTrain = await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "t", splits = new[] { new { id = train } } }));
        var both = await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "b", splits = new[] { new { id = train }, new { id = valid } } }));

        await _api.OkAsync(_api.DeleteAsync($"{path}/splits/{train}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items/{(string)onlyTrain["id"]}"));
        var left = await _api.OkAsync(_api.GetAsync($"{path}/items/{(string)both["id"]}"));
        Assert.Equal(valid, (string)Assert.Single(left["splits"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task Deleting_a_label_deletes_its_annotations()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var label = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var item = await _api.OkAsync(_api.PostAsync(path + "/items", new { annotations = new[] { new { label_id = label } } }));
        Assert.Single(item["annotations"]!.AsArray());
        await _api.OkAsync(_api.DeleteAsync($"{path}/labels/{label}"));
        Assert.Empty((await _api.OkAsync(_api.GetAsync($"{path}/items/{(string)item["id"]}")))["annotations"]!.AsArray());
    }
}
