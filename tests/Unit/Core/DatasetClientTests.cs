using SeeMe.Core.Clients;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Files;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.Core;

public sealed class DatasetClientTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<(Dataset Dataset, DatasetVersion Version)> NewDatasetAsync(bool defaultSplits = true, string contentType = "images")
    {
        using var client = server.SeedUser();
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = CoreClients.Unique("ds"), DefaultSplits = defaultSplits, ContentType = contentType });
        return (dataset, Assert.Single(dataset.Versions));
    }

    [Fact]
    public async Task A_new_dataset_has_its_first_version_with_the_default_splits()
    {
        var (dataset, version) = await NewDatasetAsync();
        Assert.Equal(dataset.Id, version.DatasetId);
        using var client = server.SeedUser();
        var splits = await client.Splits.GetAllAsync(dataset.Id, version.Id);
        Assert.Equal(new[] { "test", "train", "valid" }, splits.Select(s => s.Name).Order());
        Assert.All(splits, s => Assert.Equal(dataset.Id, s.DatasetId));
        Assert.All(splits, s => Assert.Equal(version.Id, s.DatasetVersionId));
    }

    [Fact]
    public async Task Dataset_crud_and_logo()
    {
        using var client = server.SeedUser();
        var (dataset, _) = await NewDatasetAsync(defaultSplits: false);
        dataset.Notes = "some notes";
        dataset.MultiLabel = true;
        var updated = await client.Datasets.UpdateAsync(dataset);
        Assert.Equal("some notes", updated.Notes);
        Assert.True(updated.MultiLabel);

        var withLogo = await client.Datasets.UploadLogoAsync(dataset.Id, _files.Image("logo.jpg", SKColors.Blue));
        Assert.True(withLogo.HasLogo);
        var logo = await client.Datasets.DownloadLogoAsync(withLogo, _files.PathOf("logo"));
        Assert.True(logo.Length > 0);

        Assert.Contains(await client.Datasets.GetAllAsync(), d => d.Id == dataset.Id);
        Assert.Equal(dataset.Id, (await client.Datasets.DeleteAsync(dataset.Id)).Id);
        Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => client.Datasets.GetAsync(dataset.Id))).IsNotFound);
    }

    [Fact]
    public async Task Versions_crud_and_duplicate_copies_labels_splits_and_items()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync();
        var label = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "cat", Color = "#ff0000" });
        var split = (await client.Splits.GetAllAsync(dataset.Id, version.Id)).First(s => s.Name == "train");
        await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem
        {
            Name = "one", Text = "hello", Splits = { split }, Annotations = { new Annotation { LabelId = label.Id } },
        });

        var second = await client.DatasetVersions.CreateAsync(dataset.Id, new DatasetVersion { Name = "v2" });
        Assert.Equal(dataset.Id, second.DatasetId);
        second.Description = "second";
        Assert.Equal("second", (await client.DatasetVersions.UpdateAsync(second)).Description);

        var copy = await client.DatasetVersions.DuplicateAsync(dataset.Id, version.Id);
        Assert.NotEqual(version.Id, copy.Id);
        var copied = await client.DatasetVersions.GetAsync(dataset.Id, copy.Id);
        Assert.Equal("cat", Assert.Single(copied.Labels).Name);
        var item = Assert.Single(await ToListAsync(client.Items.GetAll(dataset.Id, copy.Id)));
        Assert.Equal("hello", item.Text);
        Assert.Equal(copied.Labels[0].Id, Assert.Single(item.Annotations).LabelId);

        Assert.Equal(3, (await client.DatasetVersions.GetAllAsync(dataset.Id)).Count);
        Assert.Equal(second.Id, (await client.DatasetVersions.DeleteAsync(dataset.Id, second.Id)).Id);
    }

    [Fact]
    public async Task Items_stream_over_every_page_lazily_and_filter()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync();
        var splits = await client.Splits.GetAllAsync(dataset.Id, version.Id);
        var train = splits.Single(s => s.Name == "train");
        var label = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "dog" });
        for (var i = 0; i < 25; i++)
        {
            var item = new DatasetItem { Name = "item" + i, Text = "t" + i, Splits = { train } };
            if (i % 5 == 0) item.Annotations.Add(new Annotation { LabelId = label.Id });
            await client.Items.CreateAsync(dataset.Id, version.Id, item);
        }

        var pages = client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 10 });
        Assert.Equal(10, (await pages.NextPageAsync()).Count);
        Assert.Equal(10, (await pages.NextPageAsync()).Count);
        Assert.Equal(5, (await pages.NextPageAsync()).Count);
        Assert.Empty(await pages.NextPageAsync());

        var all = await ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { PageSize = 7 }));
        Assert.Equal(25, all.Select(i => i.Id).Distinct().Count());
        Assert.All(all, i => Assert.Equal((dataset.Id, version.Id), (i.DatasetId, i.DatasetVersionId)));

        Assert.Equal(5, (await ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { LabelId = label.Id }))).Count);
        Assert.Equal(20, (await ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { OnlyUnlabelled = true }))).Count);
        Assert.Equal(25, (await ToListAsync(client.Items.GetAll(dataset.Id, version.Id, new ItemQuery { SplitId = train.Id }))).Count);

        var stats = await client.Labels.GetStatsAsync(dataset.Id, version.Id, train.Id);
        Assert.Equal(5, stats.Single(s => s.LabelId == label.Id).ItemCount);
        Assert.Equal(20, stats.Single(s => s.LabelId == "").ItemCount);
    }

    [Fact]
    public async Task Item_crud_image_thumbnail_and_annotations_both_ways()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync();
        var train = (await client.Splits.GetAllAsync(dataset.Id, version.Id)).Single(s => s.Name == "train");
        var cat = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "cat" });
        var dog = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "dog" });
        Assert.Equal(cat.Index + 1, dog.Index);

        var item = await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "photo", Splits = { train } });
        item = await client.Items.UploadImageAsync(dataset.Id, version.Id, item.Id, _files.Image("photo.png", SKColors.Green, 400));
        Assert.Equal("png", item.Extension);
        var image = await client.Items.DownloadImageAsync(item, _files.PathOf("images"));
        Assert.Equal("photo.png", image.Name);
        var thumbnail = await client.Items.DownloadImageAsync(item, _files.PathOf("images"), thumbnail: true);
        Assert.True(thumbnail.Length < image.Length || thumbnail.Length > 0);
        using (var decoded = SKBitmap.Decode(thumbnail.FullName)) Assert.True(decoded.Width <= 400);

        // 0.13.7: annotations through the item (no split_id: the server fills in the item's split)
        item.Annotations.Add(new Annotation { LabelId = cat.Id, Coordinates = "0.5 0.5 0.2 0.2" });
        item = await client.Items.UpdateAsync(item);
        var box = Assert.Single(item.Annotations);
        Assert.Equal(train.Id, box.SplitId);
        Assert.Equal(item.Id, box.ItemId);

        // later SDKs: the annotations endpoint
        var added = await client.Annotations.CreateAsync(dataset.Id, version.Id, new Annotation { LabelId = dog.Id, ItemId = item.Id, SplitId = train.Id, Coordinates = "0.1 0.1 0.1 0.1" });
        added.Coordinates = "0.2 0.2 0.1 0.1";
        Assert.Equal("0.2 0.2 0.1 0.1", (await client.Annotations.UpdateAsync(added)).Coordinates);
        Assert.Equal(added.Id, (await client.Annotations.DeleteAsync(dataset.Id, version.Id, added.Id)).Id);

        item = await client.Items.GetAsync(dataset.Id, version.Id, item.Id);
        item.Annotations.Clear();
        Assert.Empty((await client.Items.UpdateAsync(item)).Annotations);

        Assert.Equal(item.Id, (await client.Items.DeleteAsync(dataset.Id, version.Id, item.Id)).Id);
        Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => client.Items.GetAsync(dataset.Id, version.Id, item.Id))).IsNotFound);
    }

    [Fact]
    public async Task Split_and_label_crud()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync(defaultSplits: false);
        var split = await client.Splits.CreateAsync(dataset.Id, version.Id, new DatasetSplit { Name = "holdout" });
        split.Description = "kept aside";
        Assert.Equal("kept aside", (await client.Splits.UpdateAsync(dataset.Id, version.Id, split)).Description);
        Assert.Equal("holdout", (await client.Splits.GetAsync(dataset.Id, version.Id, split.Id)).Name);
        Assert.Equal(split.Id, (await client.Splits.DeleteAsync(dataset.Id, version.Id, split.Id)).Id);

        var label = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "bird", Color = "#00ff00", Shortcut = "b" });
        label.Color = "#0000ff";
        Assert.Equal("#0000ff", (await client.Labels.UpdateAsync(dataset.Id, version.Id, label)).Color);
        Assert.Equal(label.Id, (await client.Labels.DeleteAsync(dataset.Id, version.Id, label.Id)).Id);
        Assert.Empty(await client.Labels.GetAllAsync(dataset.Id, version.Id));
    }

    [Fact]
    public async Task Export_then_import_then_export_reproduces_the_folders_tree()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync();
        var splits = await client.Splits.GetAllAsync(dataset.Id, version.Id);
        var cat = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "cat" });
        foreach (var (name, split, label) in new[] { ("a", "train", cat.Id), ("b", "valid", cat.Id), ("c", "train", null) })
        {
            var item = new DatasetItem { Name = name, Splits = { splits.Single(s => s.Name == split) } };
            if (label != null) item.Annotations.Add(new Annotation { LabelId = label });
            item = await client.Items.CreateAsync(dataset.Id, version.Id, item);
            await client.Items.UploadImageAsync(dataset.Id, version.Id, item.Id, _files.Image(name + ".png", SKColors.Orange));
        }

        var zip = await client.DatasetVersions.ExportAsync(dataset.Id, version.Id, _files.PathOf("export1.zip"), format: DatasetFormat.Folders);
        ZipFolders.ExtractSafely(zip.FullName, _files.PathOf("tree1"), overwrite: false);
        var tree = TestFiles.Tree(_files.PathOf("tree1"));
        Assert.Equal(new[] { "train/c.png", "train/cat/a.png", "valid/cat/b.png" }, tree);

        var target = await client.DatasetVersions.CreateAsync(dataset.Id, new DatasetVersion { Name = "imported" });
        ZipFolders.CreateFromFolder(_files.PathOf("tree1"), _files.PathOf("reimport.zip"));
        await client.DatasetVersions.ImportAsync(dataset.Id, target.Id, _files.PathOf("reimport.zip"), DatasetFormat.Folders);

        var again = await client.DatasetVersions.ExportAsync(dataset.Id, target.Id, _files.PathOf("export2.zip"), format: DatasetFormat.Folders);
        ZipFolders.ExtractSafely(again.FullName, _files.PathOf("tree2"), overwrite: false);
        Assert.Equal(tree, TestFiles.Tree(_files.PathOf("tree2")));
        foreach (var file in tree)
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_files.PathOf("tree1"), file)), await File.ReadAllBytesAsync(Path.Combine(_files.PathOf("tree2"), file)));
    }

    [Fact]
    public async Task Export_of_one_split_holds_only_that_split()
    {
        using var client = server.SeedUser();
        var (dataset, version) = await NewDatasetAsync(contentType: "text");
        var splits = await client.Splits.GetAllAsync(dataset.Id, version.Id);
        await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "x", Text = "hello", Splits = { splits.Single(s => s.Name == "train") } });
        await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "y", Text = "bye", Splits = { splits.Single(s => s.Name == "test") } });
        var test = splits.Single(s => s.Name == "test");
        var zip = await client.DatasetVersions.ExportAsync(dataset.Id, version.Id, _files.PathOf("split.zip"), splitId: test.Id);
        ZipFolders.ExtractSafely(zip.FullName, _files.PathOf("split"), overwrite: false);
        Assert.Equal(new[] { "test/y.txt" }, TestFiles.Tree(_files.PathOf("split")));
        Assert.Equal("bye", await File.ReadAllTextAsync(_files.PathOf("split/test/y.txt")));
    }

    [Fact]
    public async Task Visibility_private_public_and_shared_datasets()
    {
        using var owner = server.SeedUser();
        var (dataset, _) = await NewDatasetAsync();
        var (other, email) = await server.NewUserAsync();
        using (other)
        {
            Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => other.Datasets.GetAsync(dataset.Id))).IsNotFound);
            Assert.DoesNotContain(await other.Datasets.GetAllAsync(), d => d.Id == dataset.Id);

            var share = await owner.Shares.ShareAsync(ShareTarget.Dataset, dataset.Id, email);
            Assert.Equal("datasets", share.EntityType);
            Assert.Equal(email, share.Email);
            var seen = await other.Datasets.GetAsync(dataset.Id);
            Assert.True(seen.SharedWithMe);
            seen.Name = "hijacked";
            Assert.True((await Assert.ThrowsAsync<SeeMeApiException>(() => other.Datasets.UpdateAsync(seen))).IsForbidden);
        }
    }

    [Fact]
    public async Task Data_survives_a_server_restart()
    {
        await using var own = new OwnServer();
        using (var client = own.Fixture.SeedUser())
        {
            var dataset = await client.Datasets.CreateAsync(new Dataset { Name = "persisted", DefaultSplits = true });
            var version = dataset.Versions[0];
            var item = await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "pic" });
            await client.Items.UploadImageAsync(dataset.Id, version.Id, item.Id, _files.Image("pic.png", SKColors.Purple));
        }
        await own.Fixture.RestartAsync();
        using (var client = own.Fixture.SeedUser())
        {
            var dataset = (await client.Datasets.GetAllAsync()).Single(d => d.Name == "persisted");
            var item = Assert.Single(await ToListAsync(client.Items.GetAll(dataset.Id, dataset.Versions[0].Id)));
            var image = await client.Items.DownloadImageAsync(item, _files.PathOf("after-restart"));
            Assert.Equal(await File.ReadAllBytesAsync(_files.PathOf("pic.png")), await File.ReadAllBytesAsync(image.FullName));
        }
    }

    internal static async Task<List<T>> ToListAsync<T>(Pages<T> pages)
    {
        var list = new List<T>();
        await foreach (var item in pages) list.Add(item);
        return list;
    }

    private sealed class OwnServer : IAsyncDisposable
    {
        public LocalServerFixture Fixture { get; } = new();
        public OwnServer() => Fixture.InitializeAsync().GetAwaiter().GetResult();
        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }
}
