using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

public sealed class ZipFormatTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    [Fact]
    public async Task Folders_round_trip_reproduces_the_same_tree()
    {
        var (dataset, path) = await ImageDatasetAsync(boxes: false);
        var first = Tree(await _api.DownloadAsync(path + "/download"));

        Assert.Contains("train/", first.Keys);
        Assert.Contains("train/cat/", first.Keys);
        Assert.Contains("test/dog/", first.Keys); // empty split and label folders are kept
        Assert.Contains("train/cat/whiskers.png", first.Keys);
        Assert.Contains("train/dog/whiskers.png", first.Keys); // a second item with the same name
        Assert.Contains("train/both.png", first.Keys.Select(k => k.Replace("cat/", "").Replace("dog/", "")));
        Assert.Contains("train/plain.jpg", first.Keys);
        Assert.Contains("valid/plain.jpg", first.Keys);
        Assert.Contains(first.Keys, k => k.StartsWith("valid/cat/") && k.EndsWith(".png") && k != "valid/cat/whiskers.png"); // unnamed item: id.png

        var (_, freshPath) = await FreshVersionAsync(dataset);
        var imported = await _api.OkAsync(_api.UploadAsync(freshPath + "/upload", Zip(first), "filename", "application/x-zip-compressed"));
        DatasetWireShape.Version(imported);
        Assert.Equal(["train", "valid", "test"], imported["splits"]!.AsArray().Select(s => (string)s["name"]));
        Assert.Equal(["cat", "dog"], imported["labels"]!.AsArray().Select(l => (string)l["name"]));

        var second = Tree(await _api.DownloadAsync(freshPath + "/download?format=folders"));
        AssertSameTree(first, second);
    }

    [Fact]
    public async Task Folders_text_items_are_txt_files_and_round_trip()
    {
        var dataset = await _api.CreateDatasetAsync("text");
        var path = VersionPath(dataset);
        var train = SplitId(dataset["versions"]![0]!, "train");
        var positive = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "positive" })))["id"];
        await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "review1", text = "Great product — ünïcode ok\nsecond line", splits = new[] { new { id = train } }, annotations = new[] { new { label_id = positive } } }));
        await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "", text = "no label", splits = new[] { new { id = train } } }));

        var first = Tree(await _api.DownloadAsync(path + "/download"));
        Assert.Equal("Great product — ünïcode ok\nsecond line", Encoding.UTF8.GetString(first["train/positive/review1.txt"]));
        Assert.Single(first.Keys, k => k.StartsWith("train/") && k.Count(c => c == '/') == 1 && k.EndsWith(".txt"));

        var (_, freshPath) = await FreshVersionAsync(dataset);
        await _api.OkAsync(_api.UploadAsync(freshPath + "/upload/folders", Zip(first), "data.zip", "application/x-zip-compressed"));
        AssertSameTree(first, Tree(await _api.DownloadAsync(freshPath + "/download")));
        var items = (await _api.OkAsync(_api.GetAsync(freshPath + "/items"))).AsArray();
        Assert.Contains(items, i => (string)i["name"] == "review1" && (string)i["text"] == "Great product — ünïcode ok\nsecond line");
    }

    [Fact]
    public async Task Yolo_is_the_default_with_boxes_and_round_trips()
    {
        var (dataset, path) = await ImageDatasetAsync(boxes: true);
        var versionId = (string)dataset["versions"]![0]!["id"];
        var first = Tree(await _api.DownloadAsync(path + "/download"));

        Assert.Equal("cat\ndog\n", Text(first, versionId + ".names"));
        Assert.Contains("\"color\": \"#e6194b\"", Text(first, "config.json"));
        Assert.Equal("0 0.5 0.5 0.2 0.3\n1 0.1 0.2 0.05 0.05\n", Text(first, "boxed.txt"));
        Assert.Contains("boxed.png\n", Text(first, "train.txt"));
        Assert.Equal("", Text(first, "test.txt"));
        Assert.All(first.Keys, k => Assert.DoesNotContain("/", k));

        var (fresh, freshPath) = await FreshVersionAsync(dataset);
        var imported = await _api.OkAsync(_api.UploadAsync(freshPath + "/upload", Zip(first), "x.zip", "application/zip"));
        Assert.Equal(["cat", "dog"], imported["labels"]!.AsArray().Select(l => (string)l["name"]));
        var second = Tree(await _api.DownloadAsync(freshPath + "/download?format=yolo"));
        AssertSameTree(Renamed(first, versionId, (string)fresh["id"]), second);
    }

    [Fact]
    public async Task Csv_round_trip_keeps_header_and_lines()
    {
        var dataset = await _api.CreateDatasetAsync("tabular");
        var path = VersionPath(dataset);
        var version = (await _api.OkAsync(_api.GetAsync(path))).AsObject();
        version["config"] = """{"column_names": "temperature,day,label", "csv_separator": ","}""";
        await _api.OkAsync(_api.PutAsync(path, version.ToJsonString()));
        var train = SplitId(dataset["versions"]![0]!, "train");
        foreach (var line in new[] { "30,Tuesday,hot", "12,Monday,cold", "\"21,5\",\"Sunday\",mild" })
            await _api.OkAsync(_api.PostAsync(path + "/items", new { text = line, splits = new[] { new { id = train } } }));

        var versionId = (string)version["id"];
        var first = Tree(await _api.DownloadAsync(path + "/download"));
        Assert.Equal([versionId + ".csv"], first.Keys);
        Assert.Equal("temperature,day,label\n30,Tuesday,hot\n12,Monday,cold\n\"21,5\",\"Sunday\",mild\n", Text(first, versionId + ".csv"));

        var fresh = await _api.OkAsync(_api.PostAsync($"datasets/{(string)dataset["id"]}/versions", new { name = "fresh" }));
        var freshPath = $"datasets/{(string)dataset["id"]}/versions/{(string)fresh["id"]}";
        var imported = await _api.OkAsync(_api.UploadAsync(freshPath + "/upload/csv", Zip(first), "t.zip", "application/zip"));
        Assert.Contains("temperature,day,label", (string)imported["config"]);
        Assert.Equal("train", (string)Assert.Single(imported["splits"]!.AsArray())!["name"]);
        AssertSameTree(Renamed(first, versionId, (string)fresh["id"]), Tree(await _api.DownloadAsync(freshPath + "/download")));
    }

    [Fact]
    public async Task Export_of_one_split_holds_only_that_split()
    {
        var (dataset, path) = await ImageDatasetAsync(boxes: false);
        var valid = SplitId(dataset["versions"]![0]!, "valid");
        var tree = Tree(await _api.DownloadAsync($"{path}/download/{valid}"));
        Assert.All(tree.Keys, k => Assert.StartsWith("valid/", k));
        Assert.Contains("valid/plain.jpg", tree.Keys);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync($"{path}/download/{Guid.NewGuid()}"));
        await FailsAsync(HttpStatusCode.BadRequest, _api.GetAsync($"{path}/download?format=coco"));
    }

    [Fact]
    public async Task An_export_larger_than_one_read_batch_holds_every_item_in_its_folders()
    {
        var dataset = await _api.CreateDatasetAsync("text");
        var path = VersionPath(dataset);
        var tree = new Dictionary<string, byte[]>();
        foreach (var folder in new[] { "train/", "train/cat/", "train/dog/", "valid/", "valid/cat/", "valid/dog/", "test/", "test/cat/", "test/dog/" })
            tree[folder] = null;
        for (var i = 0; i < 1234; i++)
        {
            var label = i % 5 == 0 ? "" : i % 2 == 0 ? "cat/" : "dog/";
            var text = Encoding.UTF8.GetBytes($"text {i}");
            tree[$"{new[] { "train", "valid", "test" }[i % 3]}/{label}item{i:D4}.txt"] = text;
            if (i % 7 == 0) tree[$"test/{label}item{i:D4}.txt"] = text; // the same file twice: one item in two splits
        }
        await _api.OkAsync(_api.UploadAsync(path + "/upload/folders", Zip(tree), "big.zip", "application/x-zip-compressed"));

        AssertSameTree(tree, Tree(await _api.DownloadAsync(path + "/download?format=folders")));
    }

    [Fact]
    public async Task A_csv_export_larger_than_one_read_batch_keeps_the_lines_in_order()
    {
        var dataset = await _api.CreateDatasetAsync("tabular");
        var path = VersionPath(dataset);
        var csv = "n,square\n" + string.Concat(Enumerable.Range(0, 1234).Select(i => $"{i},{i * i}\n"));
        var imported = await _api.OkAsync(_api.UploadAsync(path + "/upload/csv", Zip(new() { ["data.csv"] = Encoding.UTF8.GetBytes(csv) }), "t.zip", "application/zip"));

        var tree = Tree(await _api.DownloadAsync(path + "/download"));
        Assert.Equal(csv, Text(tree, (string)imported["id"] + ".csv"));
    }

    public static TheoryData<string, string> BadZips => new()
    {
        { "not a zip", "" },
        { "../evil.png", "outside" },
        { "train/../../evil.png", "outside" },
        { "/etc/evil.png", "outside" },
        { "C:/evil.png", "outside" },
        { "..\\evil.png", "outside" },
        { "loose.png", "folders layout" },
        { "train/cat/deeper/x.png", "folders layout" },
        { "train/cat/notes.docx", "folders layout" },
        { "train/cat/fake.png", "not an image" },
    };

    [Theory]
    [MemberData(nameof(BadZips))]
    public async Task A_bad_zip_is_400_and_leaves_the_version_unchanged(string entry, string expected)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "existing" }));
        var before = (await _api.OkAsync(_api.GetAsync(path))).ToJsonString();
        var tmp = Path.Combine(server.DataDirectory, "tmp");
        var tempFilesBefore = Directory.GetFiles(tmp);

        byte[] upload;
        if (entry == "not a zip") upload = "PK but not really a zip"u8.ToArray();
        else
        {
            var files = new Dictionary<string, byte[]>
            {
                ["train/cat/good.png"] = Image(),
                ["valid/"] = null,
                [entry] = entry.EndsWith("fake.png") ? "text"u8.ToArray() : Image(),
            };
            upload = Zip(files);
        }
        var message = await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync(path + "/upload", upload, "data.zip", "application/x-zip-compressed"));
        if (expected.Length > 0) Assert.Contains(expected, message);

        Assert.Equal(before, (await _api.OkAsync(_api.GetAsync(path))).ToJsonString());
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "files", "datasets", (string)dataset["id"], (string)dataset["versions"]![0]!["id"])));
        Assert.Empty(Directory.GetFiles(tmp).Except(tempFilesBefore)); // an earlier export's temp file may still be closing
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "evil.png")));
    }

    [Fact]
    public async Task Bad_yolo_and_csv_zips_are_400()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        async Task Bad(string format, Dictionary<string, byte[]> files) =>
            await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"{path}/upload/{format}", Zip(files), "d.zip", "application/zip"));
        await Bad("yolo", new() { ["x.names"] = "cat\n"u8.ToArray(), ["a.png"] = Image(), ["a.txt"] = "3 0.5 0.5 0.1 0.1\n"u8.ToArray() });
        await Bad("yolo", new() { ["x.names"] = "cat\n"u8.ToArray(), ["a.png"] = Image(), ["a.txt"] = "0 0.5 0.5 1.1 0.1\n"u8.ToArray() });
        await Bad("yolo", new() { ["x.names"] = "cat\n"u8.ToArray(), ["train.txt"] = "missing.png\n"u8.ToArray() });
        await Bad("yolo", new() { ["images/a.png"] = Image() });
        await Bad("csv", new() { ["a.csv"] = "a,b\n1,2\n"u8.ToArray(), ["b.csv"] = "a,b\n"u8.ToArray() });
        await Bad("csv", new() { ["a.csv"] = ""u8.ToArray() });
        await Bad("coco", new() { ["a.csv"] = ""u8.ToArray() });
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/labels"))).AsArray());
        await FailsAsync(HttpStatusCode.BadRequest, _api.SendAsync(HttpMethod.Post, path + "/upload", "{}"));
    }

    // An image dataset: labels cat, dog; train: a cat, a dog with the same name, one with both labels,
    // one unlabelled in train and valid, an unnamed cat in valid; optionally a boxed item.
    private async Task<(JsonNode Dataset, string Path)> ImageDatasetAsync(bool boxes)
    {
        var dataset = await _api.CreateDatasetAsync(multiLabel: true);
        var path = VersionPath(dataset);
        var version = dataset["versions"]![0]!;
        var train = SplitId(version, "train");
        var valid = SplitId(version, "valid");
        var cat = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" })))["id"];
        var dog = (string)(await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "dog" })))["id"];
        async Task Add(string name, string[] splits, object[] annotations, byte[] image)
        {
            var item = await _api.OkAsync(_api.PostAsync(path + "/items", new { name, splits = splits.Select(id => new { id }).ToArray(), annotations }));
            await _api.OkAsync(_api.UploadAsync($"{path}/items/{(string)item["id"]}/upload", image));
        }
        var c = (string label) => new { label_id = label, coordinates = "" };
        await Add("whiskers", [train], [c(cat)], Image(color: 0xFF111111));
        await Add("whiskers", [train], [c(dog)], Image(color: 0xFF222222));
        await Add("both", [train], [c(cat), c(dog)], Image(color: 0xFF333333));
        await Add("plain", [train, valid], [], Image(format: SKEncodedImageFormat.Jpeg));
        await Add("", [valid], [c(cat)], Image(color: 0xFF444444));
        if (boxes)
            await Add("boxed", [train], [new { label_id = cat, coordinates = "0.5 0.5 0.2 0.3" }, new { label_id = dog, coordinates = "0.1 0.2 0.05 0.05" }], Image(color: 0xFF555555));
        return (dataset, path);
    }

    private async Task<(JsonNode Version, string Path)> FreshVersionAsync(JsonNode dataset)
    {
        var version = await _api.OkAsync(_api.PostAsync($"datasets/{(string)dataset["id"]}/versions", new { name = "fresh" }));
        return (version, $"datasets/{(string)dataset["id"]}/versions/{(string)version["id"]}");
    }

    /// <summary>Path → bytes of every entry (folders map to null).</summary>
    public static Dictionary<string, byte[]> Tree(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            if (e.FullName.EndsWith('/')) return null;
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    public static byte[] Zip(Dictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
            {
                var entry = zip.CreateEntry(name);
                if (bytes is null) continue;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        return buffer.ToArray();
    }

    private static string Text(Dictionary<string, byte[]> tree, string path) => Encoding.UTF8.GetString(tree[path]);

    private static Dictionary<string, byte[]> Renamed(Dictionary<string, byte[]> tree, string from, string to) =>
        tree.ToDictionary(p => p.Key.Replace(from, to), p => p.Value);

    private static void AssertSameTree(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, bytes) in expected)
            Assert.True(bytes is null ? actual[key] is null : bytes.AsSpan().SequenceEqual(actual[key]), $"content of {key} differs");
    }
}
