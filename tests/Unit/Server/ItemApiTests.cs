using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class ItemApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    private async Task<(JsonNode Dataset, string Path, JsonNode Version)> NewVersionAsync()
    {
        var dataset = await _api.CreateDatasetAsync();
        return (dataset, VersionPath(dataset), dataset["versions"]![0]!);
    }

    [Fact]
    public async Task Create_get_update_delete()
    {
        var (_, path, version) = await NewVersionAsync();
        var train = SplitId(version, "train");
        var item = await _api.OkAsync(_api.PostAsync(path + "/items",
            """{"id":null,"user_id":null,"created_at":null,"name":"first","description":"d","text":"hello","extension":"exe","splits":[{"id":"TRAIN","name":"train"}],"annotations":[]}""".Replace("TRAIN", train)));
        DatasetWireShape.Item(item);
        Assert.Equal("hello", (string)item["text"]);
        Assert.Equal("", (string)item["extension"]);
        var split = Assert.Single(item["splits"]!.AsArray())!;
        Assert.Equal(train, (string)split["id"]);
        Assert.Equal((string)version["id"], (string)split["version_id"]);
        var id = (string)item["id"];

        var got = await _api.OkAsync(_api.GetAsync($"{path}/items/{id}"));
        Assert.Equal(item.ToJsonString(), got.ToJsonString());

        var full = got.AsObject();
        full["name"] = "renamed";
        full["splits"] = new JsonArray(new JsonObject { ["name"] = "valid" });
        var updated = await _api.OkAsync(_api.PutAsync($"{path}/items/{id}", full.ToJsonString()));
        Assert.Equal("renamed", (string)updated["name"]);
        Assert.Equal("valid", (string)Assert.Single(updated["splits"]!.AsArray())!["name"]);

        var deleted = await _api.OkAsync(_api.DeleteAsync($"{path}/items/{id}"));
        DatasetWireShape.Item(deleted);
        Assert.Equal("renamed", (string)deleted["name"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items/{id}"));
    }

    [Theory]
    [InlineData("items?pageSize=ten", "Query parameter 'pageSize' must be a whole number from 1 to 1000, not 'ten'.")]
    [InlineData("items?pageSize=5&pageCount=-1&onlyUnlabelled=maybe", "Query parameter 'pageCount' must be a whole number from 0 to 2147483647, not '-1'.")]
    [InlineData("items?onlyUnlabelled=maybe", "Query parameter 'onlyUnlabelled' must be true or false, not 'maybe'.")]
    public async Task A_bad_query_value_is_a_400_that_names_it(string query, string expected)
    {
        var (_, path, _) = await NewVersionAsync();
        Assert.Equal(expected, await FailsAsync(HttpStatusCode.BadRequest, _api.GetAsync($"{path}/{query}")));
    }

    [Fact]
    public async Task Item_bodies_with_unknown_references_are_400_and_write_nothing()
    {
        var (_, path, _) = await NewVersionAsync();
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/items", new { splits = new[] { new { id = Guid.NewGuid().ToString() } } }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/items", new { annotations = new[] { new { label_id = Guid.NewGuid().ToString() } } }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.PostAsync(path + "/items", new { splits = "train" }));
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, path + "/items", "{oops"));
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items/{Guid.NewGuid()}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.PutAsync($"{path}/items/{Guid.NewGuid()}", new { name = "x" }));
    }

    [Fact]
    public async Task Paging_over_25_items_gives_three_pages_the_last_short()
    {
        var (_, path, version) = await NewVersionAsync();
        var train = SplitId(version, "train");
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
            created.Add((string)(await _api.OkAsync(_api.PostAsync(path + "/items", new { name = $"item{i:00}", splits = new[] { new { id = train } } })))["id"]);

        var seen = new List<string>();
        int[] sizes = new int[4];
        for (var page = 0; page < 4; page++)
        {
            var items = (await _api.OkAsync(_api.GetAsync($"{path}/items?pageSize=10&pageCount={page}"))).AsArray();
            sizes[page] = items.Count;
            seen.AddRange(items.Select(i => (string)i["id"]));
        }
        Assert.Equal([10, 10, 5, 0], sizes);
        Assert.Equal(created, seen);
        Assert.Equal(10, (await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray().Count);
        Assert.Equal(25, (await _api.OkAsync(_api.GetAsync(path + "/items?pageSize=1000"))).AsArray().Count);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=1000000")]
    [InlineData("pageSize=ten")]
    [InlineData("pageCount=-1")]
    [InlineData("onlyUnlabelled=maybe")]
    public async Task Bad_paging_values_are_400_naming_the_bounds(string query)
    {
        var (_, path, _) = await NewVersionAsync();
        var message = await FailsAsync(HttpStatusCode.BadRequest, _api.GetAsync($"{path}/items?{query}"));
        if (query.StartsWith("pageSize")) Assert.Contains("1 to 1000", message);
    }

    [Fact]
    public async Task Filters_by_split_label_and_unlabelled_accept_sdk_booleans()
    {
        var (_, path, version) = await NewVersionAsync();
        var train = SplitId(version, "train");
        var valid = SplitId(version, "valid");
        var cat = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var dog = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "dog" })))["id"];
        async Task<string> Item(string name, string split, string label) => (string)(await _api.OkAsync(_api.PostAsync(path + "/items", new
        {
            name,
            splits = new[] { new { id = split } },
            annotations = label is null ? Array.Empty<object>() : [new { label_id = label }],
        })))["name"];
        await Item("a", train, cat);
        await Item("b", train, dog);
        await Item("c", train, null);
        await Item("d", valid, cat);
        await Item("e", valid, null);

        async Task<string[]> Names(string query) => (await _api.OkAsync(_api.GetAsync($"{path}/items?pageSize=100&{query}"))).AsArray().Select(i => (string)i["name"]).ToArray();
        Assert.Equal(["a", "b", "c"], await Names($"splitId={train}"));
        Assert.Equal(["a", "d"], await Names($"labelId={cat}"));
        Assert.Equal(["c", "e"], await Names("onlyUnlabelled=True"));
        Assert.Equal(["c", "e"], await Names("onlyUnlabelled=true"));
        Assert.Equal(["a", "b", "c", "d", "e"], await Names("onlyUnlabelled=False"));
        Assert.Equal(["e"], await Names($"onlyUnlabelled=True&splitId={valid}"));
        Assert.Equal(["d"], await Names($"labelId={cat}&splitId={valid}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items?splitId={Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Filtered_pages_follow_creation_order_without_gaps_or_repeats()
    {
        var (_, path, version) = await NewVersionAsync();
        var (train, valid) = (SplitId(version, "train"), SplitId(version, "valid"));
        var cat = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var items = Enumerable.Range(0, 23).Select(i => (
            Name: $"i{i:D2}",
            Splits: i % 3 == 0 ? new[] { train, valid } : [i % 2 == 0 ? train : valid],
            Cats: i % 8 == 0 ? 2 : i % 4 == 0 ? 1 : 0)).ToList();
        foreach (var item in items)
            await _api.OkAsync(_api.PostAsync(path + "/items", new
            {
                name = item.Name,
                splits = item.Splits.Select(id => new { id }),
                annotations = Enumerable.Repeat(new { label_id = cat }, item.Cats),
            }));

        async Task<List<string>> AllPages(string query)
        {
            var names = new List<string>();
            for (var page = 0; ; page++)
            {
                var list = (await _api.OkAsync(_api.GetAsync($"{path}/items?pageSize=4&pageCount={page}&{query}"))).AsArray();
                names.AddRange(list.Select(i => (string)i["name"]));
                if (list.Count < 4) return names;
            }
        }
        Assert.Equal(items.Where(i => i.Splits.Contains(valid)).Select(i => i.Name), await AllPages($"splitId={valid}"));
        Assert.Equal(items.Where(i => i.Cats > 0).Select(i => i.Name), await AllPages($"labelId={cat}"));
        Assert.Equal(items.Where(i => i.Cats == 0 && i.Splits.Contains(train)).Select(i => i.Name), await AllPages($"splitId={train}&onlyUnlabelled=True"));
        Assert.Equal(items.Select(i => i.Name), await AllPages(""));
    }

    [Fact]
    public async Task Put_reconciles_annotations_create_update_delete()
    {
        var (_, path, version) = await NewVersionAsync();
        var train = SplitId(version, "train");
        var cat = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var dog = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "dog" })))["id"];
        var item = (await _api.OkAsync(_api.PostAsync(path + "/items", new
        {
            splits = new[] { new { id = train } },
            annotations = new[] { new { label_id = cat, coordinates = "0.1 0.1 0.2 0.2" }, new { label_id = cat, coordinates = "0.3 0.3 0.2 0.2" } },
        }))).AsObject();
        var id = (string)item["id"];
        var annotations = item["annotations"]!.AsArray();
        Assert.All(annotations, a => Assert.Equal(train, (string)a["split_id"]));
        var keep = annotations[0]!.AsObject();
        var drop = (string)annotations[1]!["id"];

        keep["coordinates"] = "0.5 0.5 0.4 0.4";
        keep["label_id"] = dog;
        item["annotations"] = new JsonArray(keep.DeepClone(), new JsonObject { ["label_id"] = cat, ["coordinates"] = "" }); // 0.13.7 style: no split_id
        var updated = await _api.OkAsync(_api.PutAsync($"{path}/items/{id}", item.ToJsonString()));
        var after = updated["annotations"]!.AsArray();
        Assert.Equal(2, after.Count);
        var changed = after.Single(a => (string)a["id"] == (string)keep["id"]);
        Assert.Equal("0.5 0.5 0.4 0.4", (string)changed["coordinates"]);
        Assert.Equal(dog, (string)changed["label_id"]);
        Assert.DoesNotContain(after, a => (string)a["id"] == drop);
        var added = after.Single(a => (string)a["id"] != (string)keep["id"]);
        Assert.Equal(train, (string)added["split_id"]);
        Assert.Equal(id, (string)added["item_id"]);

        // a label of another version is refused, nothing changes
        var (_, otherPath, _) = await NewVersionAsync();
        var foreign = (string)(await _api.OkAsync(_api.PostAsync(otherPath + "/labels", new { name = "x" })))["id"];
        var bad = updated.AsObject();
        bad["name"] = "should not stick";
        bad["annotations"]!.AsArray().Add(new JsonObject { ["label_id"] = foreign });
        await FailsAsync(HttpStatusCode.BadRequest, _api.PutAsync($"{path}/items/{id}", bad.ToJsonString()));
        var unchanged = await _api.OkAsync(_api.GetAsync($"{path}/items/{id}"));
        Assert.Equal(2, unchanged["annotations"]!.AsArray().Count);
        Assert.Equal("", (string)unchanged["name"]);
    }

    [Fact]
    public async Task Delete_from_a_split_removes_membership_and_deletes_items_left_in_no_split()
    {
        var (_, path, version) = await NewVersionAsync();
        var train = SplitId(version, "train");
        var valid = SplitId(version, "valid");
        var item = await _api.OkAsync(_api.PostAsync(path + "/items", new { splits = new[] { new { id = train }, new { id = valid } } }));
        var id = (string)item["id"];

        var reply = await _api.OkAsync(_api.DeleteAsync($"{path}/splits/{train}/items/{id}"));
        DatasetWireShape.Item(reply);
        var left = await _api.OkAsync(_api.GetAsync($"{path}/items/{id}"));
        Assert.Equal(valid, (string)Assert.Single(left["splits"]!.AsArray())!["id"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.DeleteAsync($"{path}/splits/{train}/items/{id}"));

        await _api.OkAsync(_api.DeleteAsync($"{path}/splits/{valid}/items/{id}"));
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items/{id}"));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public async Task Image_upload_sets_extension_and_downloads_with_a_thumbnail(SKEncodedImageFormat format, string extension)
    {
        var (_, path, _) = await NewVersionAsync();
        var id = (string)(await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "pic" })))["id"];
        var bytes = Image(600, 300, format);
        var item = await _api.OkAsync(_api.UploadAsync($"{path}/items/{id}/upload", bytes, "filename", "image/jpg"));
        DatasetWireShape.Item(item);
        Assert.Equal(extension, (string)item["extension"]);
        Assert.Equal(bytes, await _api.DownloadAsync($"{path}/items/{id}/download"));

        var thumbnail = await _api.DownloadAsync($"{path}/items/{id}/download?thumbnail=True");
        using var decoded = SKBitmap.Decode(thumbnail);
        Assert.Equal(256, decoded.Width);
        Assert.Equal(128, decoded.Height);
    }

    [Fact]
    public async Task Uploading_a_bmp_works_and_a_new_image_replaces_the_old_one()
    {
        var (_, path, _) = await NewVersionAsync();
        var id = (string)(await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "pic" })))["id"];
        var bmp = Bmp(4, 3);
        Assert.Equal("bmp", (string)(await _api.OkAsync(_api.UploadAsync($"{path}/items/{id}/upload", bmp, "a.bmp", "image/bmp")))["extension"]);
        var png = Image(8, 8);
        Assert.Equal("png", (string)(await _api.OkAsync(_api.UploadAsync($"{path}/items/{id}/upload", png)))["extension"]);
        Assert.Equal(png, await _api.DownloadAsync($"{path}/items/{id}/download"));
        using var thumb = SKBitmap.Decode(await _api.DownloadAsync($"{path}/items/{id}/download?thumbnail=true"));
        Assert.Equal(8, thumb.Width); // never upscaled
    }

    [Fact]
    public async Task Uploads_that_are_not_images_or_have_no_file_part_are_400()
    {
        var (_, path, _) = await NewVersionAsync();
        var id = (string)(await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "pic" })))["id"];
        Assert.Contains("not an image", await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"{path}/items/{id}/upload", "GIF89a but not really"u8.ToArray(), "x.png")));
        var truncated = Image(64, 64)[..40];
        await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"{path}/items/{id}/upload", truncated, "x.png"));
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, $"{path}/items/{id}/upload", "{}"));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Image()), "other", "x.png" } })
            Assert.Equal(HttpStatusCode.BadRequest, (await _api.Http.PostAsync($"{path}/items/{id}/upload", form)).StatusCode);

        Assert.Equal("", (string)(await _api.OkAsync(_api.GetAsync($"{path}/items/{id}")))["extension"]);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/items/{id}/download"));
        await FailsAsync(HttpStatusCode.NotFound, _api.UploadAsync($"{path}/items/{Guid.NewGuid()}/upload", Image()));
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));
    }

    /// <summary>A minimal 24-bit BMP (SkiaSharp decodes BMP but does not encode it).</summary>
    private static byte[] Bmp(int width, int height)
    {
        var row = (width * 3 + 3) & ~3;
        var size = 54 + row * height;
        var bytes = new byte[size];
        bytes[0] = (byte)'B'; bytes[1] = (byte)'M';
        BitConverter.GetBytes(size).CopyTo(bytes, 2);
        BitConverter.GetBytes(54).CopyTo(bytes, 10);
        BitConverter.GetBytes(40).CopyTo(bytes, 14);
        BitConverter.GetBytes(width).CopyTo(bytes, 18);
        BitConverter.GetBytes(height).CopyTo(bytes, 22);
        BitConverter.GetBytes((short)1).CopyTo(bytes, 26);
        BitConverter.GetBytes((short)24).CopyTo(bytes, 28);
        for (var i = 54; i < size; i++) bytes[i] = 0x80;
        return bytes;
    }
}
