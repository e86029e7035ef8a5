using System.Text.RegularExpressions;
using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.Core.Sync;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// Sync-SeeMeDatasetVersion against the real local server, through a recording proxy that counts what goes on the
/// wire: each layout, a rerun that sends no write, each kind of change sending exactly its requests, -WhatIf,
/// adopting an exported folder, and the download direction.
/// </summary>
public sealed class SyncCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IAsyncLifetime, IDisposable
{
    private readonly TestFiles _files = new();
    private RecordingProxy _proxy;
    private PowerShellHost _ps;
    private SeeMeClient _client;

    public async Task InitializeAsync()
    {
        _proxy = await RecordingProxy.StartAsync(server.BaseUri);
        _ps = new PowerShellHost();
        Assert.Empty(_ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", _proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);
        _client = Client(server);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    public void Dispose()
    {
        _ps?.Dispose();
        _client?.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task A_first_sync_of_a_folders_layout_creates_every_item_and_a_rerun_with_nothing_changed_sends_no_write()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/r1.png", "train/red/r2.png", "train/green/g1.png", "valid/red/r3.png", "test/u1.png");
        File.WriteAllText(Path.Combine(data, "train", "hello.txt"), "a text item");

        var first = Sync(version, data);

        Assert.Equal((6, 0, 0, 0), Counts(first));
        Assert.Equal(2, first.LabelsCreated);
        Assert.Equal(["test/u1.png", "train/green/g1.png", "train/hello.txt", "train/red/r1.png", "train/red/r2.png", "valid/red/r3.png"], Contents(version));
        Assert.True(File.Exists(SyncState.PathIn(data)));
        Assert.Equal(6 + 5, _proxy.Requests.Count(r => r.Method == "POST" && r.Path.Contains("/items"))); // a create per item, an upload per image

        _proxy.Clear();
        var rerun = Sync(version, data);

        Assert.Equal((0, 0, 0, 6), Counts(rerun));
        Assert.Empty(Writes());
        Assert.All(_proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Each_kind_of_change_sends_exactly_its_requests_and_the_version_then_matches_the_folder()
    {
        var (_, version) = await NewDatasetAsync(_client, "red", "green");
        var data = Folder("train/red/a1.png", "train/red/a2.png", "train/red/a3.png", "train/red/b1.png", "train/red/b2.png", "train/green/c1.png", "train/green/d1.png",
            "valid/green/e1.png");
        Sync(version, data);
        foreach (var changed in new[] { "train/red/a1.png", "train/red/a2.png", "train/red/a3.png" }) Image(data, changed, SKColors.Black, size: 20);
        Move(data, "train/red/b1.png", "train/green/b1.png");
        Move(data, "train/red/b2.png", "train/green/b2.png");
        Move(data, "train/green/c1.png", "valid/green/c1.png");
        File.Delete(Path.Combine(data, "train", "green", "d1.png"));
        _proxy.Clear();

        var result = Sync(version, data, "-Delete -Confirm:$false");

        Assert.Equal((0, 6, 1, 1), Counts(result));
        Assert.Equal([
            "DELETE datasets/{id}/versions/{id}/splits/{id}/items/{id}",
            "POST datasets/{id}/versions/{id}/items/{id}/upload", "POST datasets/{id}/versions/{id}/items/{id}/upload", "POST datasets/{id}/versions/{id}/items/{id}/upload",
            "PUT datasets/{id}/versions/{id}/items/{id}", "PUT datasets/{id}/versions/{id}/items/{id}", "PUT datasets/{id}/versions/{id}/items/{id}",
        ], Writes().Order());
        Assert.Equal(FolderContents(data), Contents(version));
        var moved = _client.Items.GetAllAsyncList(version).Single(i => i.Name == "c1");
        var valid = version.Splits.Single(s => s.Name == "valid").Id;
        Assert.Equal(valid, Assert.Single(moved.Splits).Id);
        Assert.Equal(valid, Assert.Single(moved.Annotations).SplitId); // the annotation moved with the item

        _proxy.Clear();
        Assert.Equal((0, 0, 0, 7), Counts(Sync(version, data, "-Delete -Confirm:$false")));
        Assert.Empty(Writes());
    }

    [Fact]
    public async Task WhatIf_shows_the_plan_and_writes_nothing_on_the_service_or_in_the_folder()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/w1.png", "train/red/w2.png");
        Sync(version, data);
        var state = File.ReadAllBytes(SyncState.PathIn(data));
        Image(data, "train/red/w1.png", SKColors.Black, size: 20);
        Image(data, "valid/new/w3.png", SKColors.White);
        File.Delete(Path.Combine(data, "train", "red", "w2.png"));
        var before = Contents(version);
        _proxy.Clear();

        var result = Sync(version, data, "-Delete -WhatIf");

        Assert.Equal((0, 0, 0, 0), Counts(result));
        Assert.Equal(3, result.Skipped); // a create, an update and a deletion, shown and not made
        Assert.Empty(Writes());
        Assert.Equal(before, Contents(version));
        Assert.Equal(state, File.ReadAllBytes(SyncState.PathIn(data)));
    }

    [Fact]
    public async Task A_folder_exported_from_the_version_is_adopted_with_no_write_and_still_imports()
    {
        var (dataset, version) = await NewDatasetAsync(_client, "robin", "sparrow");
        var images = TempFolder(_files);
        await NewImageItemAsync(_client, version, "r1", "train", "robin", images);
        await NewImageItemAsync(_client, version, "r2", "valid", "robin", images);
        await NewImageItemAsync(_client, version, "s1", "train", "sparrow", images);
        await NewImageItemAsync(_client, version, "u1", "test", null, images);
        var data = Path.Combine(TempFolder(_files), "exported");
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, data).Errors);
        _proxy.Clear();

        var adopted = Sync(version, data);

        Assert.Equal((0, 0, 0, 4), Counts(adopted));
        Assert.Empty(Writes());
        Assert.True(File.Exists(SyncState.PathIn(data)));
        var imported = _ps.Run("Get-SeeMeDataset -Id $args[0] | New-SeeMeDatasetVersion -Name copy | Import-SeeMeDatasetVersion -Path $args[1]", dataset.Id, data);
        Assert.Empty(imported.Errors); // the hidden .seeme/ folder is left out of the zip
        Assert.Equal(Contents(version), Contents(Assert.Single(imported.OfType<DatasetVersion>())));
    }

    [Fact]
    public async Task Download_writes_the_version_as_export_does_then_only_what_changed_and_moves_what_moved()
    {
        var (_, version) = await NewDatasetAsync(_client, "robin", "sparrow");
        var images = TempFolder(_files);
        var r1 = await NewImageItemAsync(_client, version, "r1", "train", "robin", images);
        await NewImageItemAsync(_client, version, "r2", "train", "robin", images);
        var s1 = await NewImageItemAsync(_client, version, "s1", "valid", "sparrow", images);
        await _client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem { Name = "note", Text = "a text item", Splits = [version.Splits.Single(s => s.Name == "test")] });
        var data = Path.Combine(TempFolder(_files), "downloaded");
        var exported = Path.Combine(TempFolder(_files), "exported");
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, exported).Errors);

        var first = Sync(version, data, "-Direction Download");

        Assert.Equal((4, 0, 0, 0), Counts(first));
        Assert.Equal(Tree(exported), Tree(data));
        Assert.Equal(File.ReadAllBytes(Path.Combine(exported, "train", "robin", "r1.png")), File.ReadAllBytes(Path.Combine(data, "train", "robin", "r1.png")));
        _proxy.Clear();
        Assert.Equal((0, 0, 0, 4), Counts(Sync(version, data, "-Direction Download")));
        Assert.DoesNotContain(_proxy.Requests, r => r.Path.EndsWith("/download"));

        // On the service: r1 relabelled, s1 deleted, a new item; locally, a stray file.
        var sparrow = version.Labels.Single(l => l.Name == "sparrow").Id;
        r1.Annotations[0].LabelId = sparrow;
        await _client.Items.UpdateAsync(r1);
        await _client.Items.DeleteAsync(s1);
        await NewImageItemAsync(_client, version, "n1", "valid", "robin", images);
        Image(data, "test/stray.png", SKColors.White);
        _proxy.Clear();

        var second = Sync(version, data, "-Direction Download -Delete -Confirm:$false");

        Assert.Equal((2, 0, 3, 2), Counts(second)); // n1, and r1 in its new label folder; r1's old file, s1's and the stray removed
        Assert.Equal(2, _proxy.Requests.Count(r => r.Path.EndsWith("/download")));
        Assert.Empty(Writes());
        var again = Path.Combine(TempFolder(_files), "again");
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, again).Errors);
        Assert.Equal(Tree(again), Tree(data));
    }

    [Fact]
    public async Task PassThru_writes_a_record_per_change_before_the_summary()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/p1.png", "train/red/p2.png");

        var result = _ps.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] -PassThru", version, data);

        Assert.Empty(result.Errors);
        var records = result.OfType<SyncRecord>();
        Assert.Equal(["train/red/p1.png", "train/red/p2.png"], records.Select(r => r.Path));
        Assert.All(records, r => Assert.Equal(SyncActions.Create, r.Actions));
        Assert.IsType<SyncSummary>(result.Objects.Last());
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    [Fact]
    public async Task A_folder_that_does_not_follow_its_layout_stops_with_an_error_that_names_the_file_and_nothing_is_sent()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/ok.png");
        File.WriteAllText(Path.Combine(data, "README.md"), "not an item");
        _proxy.Clear();

        var result = _ps.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1]", version, data);

        var error = Assert.Single(result.Errors);
        Assert.Equal("DatasetVersionInvalidData", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("README.md", error.ToString());
        Assert.Contains("{split}/", error.ToString());
        Assert.Empty(Writes());
        Assert.False(File.Exists(SyncState.PathIn(data)));
    }

    [Fact]
    public async Task Deleting_without_Confirm_false_where_PowerShell_cannot_ask_stops_with_an_error_that_says_to_add_it()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/k1.png", "train/red/k2.png");
        Sync(version, data);
        File.Delete(Path.Combine(data, "train", "red", "k2.png"));

        var result = _ps.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] -Delete", version, data);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("DatasetVersionConfirmationRequired", error.FullyQualifiedErrorId);
        Assert.Contains("-Confirm:$false", error.ToString());
        Assert.Equal(2, _client.Items.GetAllAsyncList(version).Count);
    }

    private SyncSummary Sync(DatasetVersion version, string folder, string options = "")
    {
        var result = _ps.Run($"$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] {options}", version, folder);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        return Assert.Single(result.OfType<SyncSummary>());
    }

    private static (int Created, int Updated, int Deleted, int Unchanged) Counts(SyncSummary summary) =>
        (summary.Created, summary.Updated, summary.Deleted, summary.Unchanged);

    /// <summary>The requests that change something, routes with {id} for ids.</summary>
    private List<string> Writes() => _proxy.Requests.Where(r => r.Method != "GET").Select(r => r.Method + " " + Ids.Replace(r.Path, "{id}")).ToList();

    private static readonly Regex Ids = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /// <summary>"split/label/name.ext" for each annotation of each item ("split/name.ext" for an item without one), as the service has them.</summary>
    private List<string> Contents(DatasetVersion version)
    {
        var fresh = _client.DatasetVersions.GetAsync(version.DatasetId, version.Id).GetAwaiter().GetResult();
        string Split(string id) => fresh.Splits.Single(s => s.Id == id).Name;
        return _client.Items.GetAllAsyncList(version).SelectMany(i =>
        {
            var file = i.Name + "." + (i.Extension.Length > 0 ? i.Extension : "txt");
            return i.Annotations.Count == 0
                ? i.Splits.Select(s => Split(s.Id) + "/" + file)
                : i.Annotations.Select(a => Split(a.SplitId) + "/" + fresh.Labels.Single(l => l.Id == a.LabelId).Name + "/" + file);
        }).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> FolderContents(string folder) => Tree(folder);

    /// <summary>The dataset files under a folder (the hidden state folder left out), relative, sorted.</summary>
    private static List<string> Tree(string folder) => TestFiles.Tree(folder).Where(f => !f.StartsWith(".seeme/")).ToList();

    /// <summary>A new folder with an image at each relative path, each of its own colour.</summary>
    private string Folder(params string[] images)
    {
        var root = TempFolder(_files);
        for (var i = 0; i < images.Length; i++) Image(root, images[i], new SKColor((byte)(20 * i), (byte)(255 - 20 * i), 90));
        return root;
    }

    private static void Image(string root, string relative, SKColor colour, int size = 16)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Png(Path.GetDirectoryName(path)!, Path.GetFileName(path), colour, size);
    }

    private static void Move(string root, string from, string to)
    {
        var target = Path.Combine(root, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(root, from), target);
    }
}

internal static class ItemListing
{
    /// <summary>Every item of the version (one page of up to 1000).</summary>
    public static List<DatasetItem> GetAllAsyncList(this SeeMe.Core.Clients.ItemsClient items, DatasetVersion version) =>
        items.GetPageAsync(version.DatasetId, version.Id, 0, new SeeMe.Core.Clients.ItemQuery { PageSize = 1000 }).GetAwaiter().GetResult();
}
