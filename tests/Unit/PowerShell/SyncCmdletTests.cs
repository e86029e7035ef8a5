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
        var state = new FileInfo(SyncState.PathIn(data));
        var stateWritten = state.LastWriteTimeUtc;
        state.LastWriteTimeUtc = stateWritten.AddMinutes(-1); // a rewrite, even of the same text, would move it
        var rerun = Sync(version, data);

        Assert.Equal((0, 0, 0, 6), Counts(rerun));
        Assert.Empty(Writes());
        Assert.All(_proxy.Requests, r => Assert.Equal("GET", r.Method));
        state.Refresh();
        Assert.Equal(stateWritten.AddMinutes(-1), state.LastWriteTimeUtc); // nothing changed, so nothing was written in the folder either
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
        // Exporting over the synced folder again rewrites its files and leaves the state alone: still nothing to send.
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders -Force", version, data).Errors);
        Assert.True(File.Exists(SyncState.PathIn(data)));
        _proxy.Clear();
        Assert.Equal((0, 0, 0, 4), Counts(Sync(version, data)));
        Assert.Empty(Writes());
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
    public async Task A_file_that_is_no_picture_is_one_error_nothing_is_made_for_it_and_the_others_are_synced()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/good1.png", "train/red/good2.png");
        File.WriteAllText(Path.Combine(data, "train", "red", "bad.png"), "not a picture");
        _proxy.Clear();

        var result = _ps.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1]", version, data);

        var error = Assert.Single(result.Errors);
        Assert.Contains("bad.png", error.ToString());
        Assert.Contains("train/red/bad.png", error.TargetObject.ToString());
        var summary = Assert.Single(result.OfType<SyncSummary>());
        Assert.Equal((2, 1), (summary.Created, summary.Failed));
        Assert.Equal(["good1", "good2"], _client.Items.GetAllAsyncList(version).Select(i => i.Name).Order());
        Assert.Equal(2, Writes().Count(w => w == "POST datasets/{id}/versions/{id}/items"));
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

    [Fact]
    public async Task A_first_sync_stopped_after_some_creates_and_run_again_leaves_exactly_one_item_per_file()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var files = Enumerable.Range(0, 12).Select(i => $"train/red/k{i:00}.png").ToArray();
        var data = Folder(files);
        const int createsThatArrive = 5;
        var (gate, creates, stopped) = (new object(), 0, false);
        using var stopPoint = new ManualResetEventSlim();
        // The 5th create reaches the service and its answer never comes back; nothing after it reaches the service.
        await using var proxies = new FaultProxies(server.BaseUri);
        var faults = proxies.Open(request =>
        {
            lock (gate)
            {
                if (stopped) return Fault.Hang;
                if (!IsItemCreate(request.Method, request.Path) || ++creates < createsThatArrive) return Fault.None;
                stopped = true;
                stopPoint.Set();
                return Fault.StallMidResponse;
            }
        });
        using var host = new PowerShellHost();
        Assert.Empty(host.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", faults.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);

        using (var ps = host.Pipeline("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] -ThrottleLimit 2", version, data))
        {
            var running = ps.BeginInvoke();
            Assert.Equal(0, WaitHandle.WaitAny([stopPoint.WaitHandle, running.AsyncWaitHandle]));
            // The 5th create is on its way to the server: stop only once the server has stored it (its answer is what is lost).
            var stored = SpinWait.SpinUntil(() => _client.Items.GetAllAsyncList(version).Count == createsThatArrive, TimeSpan.FromSeconds(30));
            Assert.True(stored, $"the server did not store the {createsThatArrive}th create");
            ps.Stop(); // Ctrl+C
            Assert.Throws<System.Management.Automation.PipelineStoppedException>(() => ps.EndInvoke(running));
        }
        Assert.Equal(createsThatArrive, _client.Items.GetAllAsyncList(version).Count);
        _proxy.Clear();

        var rerun = Sync(version, data);

        Assert.Equal(files.Length - createsThatArrive, Writes().Count(w => w == "POST datasets/{id}/versions/{id}/items"));
        var items = _client.Items.GetAllAsyncList(version);
        Assert.Equal(files.Select(Path.GetFileNameWithoutExtension), items.Select(i => i.Name).Order());
        Assert.All(items, i => Assert.Equal("png", i.Extension));
        Assert.Equal(files.Length, rerun.Created + rerun.Updated + rerun.Unchanged);
        _proxy.Clear();
        Assert.Equal((0, 0, 0, files.Length), Counts(Sync(version, data)));
        Assert.Empty(Writes());
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_looked_up_by_name_and_not_sent_again()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("train/red/l1.png", "train/red/l2.png", "train/red/l3.png");
        var creates = 0;
        await using var proxies = new FaultProxies(server.BaseUri);
        var faults = proxies.Open(
            r => IsItemCreate(r.Method, r.Path) && Interlocked.Increment(ref creates) == 2 ? Fault.ResetAfterProcessing : Fault.None);
        using var host = new PowerShellHost();
        Assert.Empty(host.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2]", faults.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey)).Errors);

        var result = host.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] -ThrottleLimit 1", version, data);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal(3, Assert.Single(result.OfType<SyncSummary>()).Created);
        Assert.Equal(3, faults.Requests.Count(r => IsItemCreate(r.Method, r.Path))); // l2's create reached the service once, and was found
        var items = _client.Items.GetAllAsyncList(version);
        Assert.Equal(["l1", "l2", "l3"], items.Select(i => i.Name).Order());
        Assert.All(items, i => Assert.Equal("png", i.Extension));
    }

    [Fact]
    public async Task Checksum_compares_the_images_with_the_service_when_the_state_cannot_tell()
    {
        var (_, version) = await NewDatasetAsync(_client, "robin");
        var images = TempFolder(_files);
        await NewImageItemAsync(_client, version, "c1", "train", "robin", images);
        await NewImageItemAsync(_client, version, "c2", "train", "robin", images);
        var data = Path.Combine(TempFolder(_files), "checkout");
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, data).Errors);
        Image(data, "train/robin/c2.png", SKColors.Black, size: 24); // changed before any sync: no state knows the file
        _proxy.Clear();

        Assert.Equal((0, 0, 0, 2), Counts(Sync(version, data))); // taken as it is
        Assert.Empty(Writes());
        var checksum = Sync(version, data, "-Checksum");

        Assert.Equal((0, 1, 0, 1), Counts(checksum));
        Assert.Equal(["POST datasets/{id}/versions/{id}/items/{id}/upload"], Writes());
        Assert.Equal(2, _proxy.Requests.Count(r => r.Path.EndsWith("/download")));
        var c2 = _client.Items.GetAllAsyncList(version).Single(i => i.Name == "c2");
        var served = Path.Combine(TempFolder(_files), "c2.png");
        await _client.Items.DownloadImageToFileAsync(c2, served);
        Assert.Equal(File.ReadAllBytes(Path.Combine(data, "train", "robin", "c2.png")), File.ReadAllBytes(served));
    }

    [Fact]
    public async Task Yolo_layout_syncs_images_boxes_and_split_lists_and_downloads_as_export_writes_it()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder("a.png", "b.png", "c.png");
        File.WriteAllText(Path.Combine(data, "a.txt"), "0 0.5 0.5 0.2 0.2\n1 0.3 0.3 0.1 0.1\n");
        File.WriteAllText(Path.Combine(data, "b.txt"), "1 0.6 0.6 0.2 0.2\n");
        File.WriteAllText(Path.Combine(data, "c.txt"), "");
        File.WriteAllText(Path.Combine(data, "train.txt"), "a.png\nb.png\n");
        File.WriteAllText(Path.Combine(data, "valid.txt"), "c.png\n");
        File.WriteAllText(Path.Combine(data, "classes.names"), "car\nbike\n");

        var first = Sync(version, data);

        Assert.Equal((3, 0, 0, 0), Counts(first));
        Assert.Equal(["train/bike/a.png", "train/bike/b.png", "train/car/a.png", "valid/c.png"], Contents(version));
        var a = _client.Items.GetAllAsyncList(version).Single(i => i.Name == "a");
        Assert.Contains(a.Annotations, x => x.Coordinates == "0.5 0.5 0.2 0.2");
        _proxy.Clear();
        Assert.Equal((0, 0, 0, 3), Counts(Sync(version, data)));
        Assert.Empty(Writes());

        File.WriteAllText(Path.Combine(data, "b.txt"), "0 0.6 0.6 0.25 0.2\n"); // b's box: another label and size
        File.WriteAllText(Path.Combine(data, "train.txt"), "a.png\nb.png\nc.png\n");
        File.WriteAllText(Path.Combine(data, "valid.txt"), "");
        _proxy.Clear();
        Assert.Equal((0, 2, 0, 1), Counts(Sync(version, data)));
        Assert.Equal(["PUT datasets/{id}/versions/{id}/items/{id}", "PUT datasets/{id}/versions/{id}/items/{id}"], Writes());
        Assert.Equal(["train/bike/a.png", "train/c.png", "train/car/a.png", "train/car/b.png"], Contents(version));

        var downloaded = Path.Combine(TempFolder(_files), "yolo");
        var exported = Path.Combine(TempFolder(_files), "exported");
        Assert.Empty(_ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Yolo", version, exported).Errors);
        Assert.Equal((11, 0, 0, 0), Counts(Sync(version, downloaded, "-Direction Download"))); // 3 images, 3 box files, 3 split lists, the names and config.json
        Assert.Equal(Tree(exported), Tree(downloaded));
        foreach (var text in Tree(exported).Where(f => f.EndsWith(".txt") || f.EndsWith(".names")))
            Assert.Equal(File.ReadAllText(Path.Combine(exported, text)), File.ReadAllText(Path.Combine(downloaded, text)));
    }

    [Fact]
    public async Task Csv_layout_syncs_rows_as_items_and_a_changed_row_is_a_new_item()
    {
        var dataset = await _client.Datasets.CreateAsync(new Dataset { Name = Unique("rows"), ContentType = "tabular", DefaultSplits = true });
        var version = await _client.DatasetVersions.GetAsync(dataset.Id, dataset.Versions[0].Id);
        var data = TempFolder(_files);
        File.WriteAllText(Path.Combine(data, "weather.csv"), "temperature,day\n30,Tuesday\n25,Monday\n");

        var first = Sync(version, data);

        Assert.Equal((2, 0, 0, 0), Counts(first));
        Assert.Contains("\"column_names\":\"temperature,day\"", _client.DatasetVersions.GetAsync(dataset.Id, version.Id).GetAwaiter().GetResult().Config);
        Assert.Equal(["25,Monday", "30,Tuesday"], _client.Items.GetAllAsyncList(version).Select(i => i.Text).Order()); // made at once: either order
        _proxy.Clear();
        Assert.Equal((0, 0, 0, 2), Counts(Sync(version, data)));
        Assert.Empty(Writes());

        File.WriteAllText(Path.Combine(data, "weather.csv"), "temperature,day\n30,Tuesday\n26,Monday\n31,Friday\n");
        _proxy.Clear();
        Assert.Equal((2, 0, 1, 1), Counts(Sync(version, data, "-Delete -Confirm:$false")));
        Assert.Equal(["DELETE datasets/{id}/versions/{id}/splits/{id}/items/{id}", "POST datasets/{id}/versions/{id}/items", "POST datasets/{id}/versions/{id}/items"], Writes().Order());

        var downloaded = Path.Combine(TempFolder(_files), "csv");
        Assert.Equal((1, 0, 0, 0), Counts(Sync(version, downloaded, "-Direction Download")));
        var lines = File.ReadAllText(Path.Combine(downloaded, version.Id + ".csv")).Split('\n');
        Assert.Equal("temperature,day", lines[0]);
        Assert.Equal(["", "26,Monday", "30,Tuesday", "31,Friday"], lines.Skip(1).Order()); // rows in creation order: the two new ones were sent at once
    }

    [Fact]
    public async Task Progress_counts_the_changes_of_the_plan_done_of_all()
    {
        var (_, version) = await NewDatasetAsync(_client);
        var data = Folder(Enumerable.Range(0, 6).Select(i => $"train/red/g{i}.png").ToArray());

        var result = _ps.Run("$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] -ThrottleLimit 2", version, data);

        Assert.Empty(result.Errors);
        Assert.Contains(result.Progress, p => p.ActivityId == 2 && Regex.IsMatch(p.StatusDescription, @"^\d of 6 done"));
        Assert.Contains(result.Progress, p => p.ActivityId == 2 && p.RecordType == System.Management.Automation.ProgressRecordType.Completed && p.StatusDescription == "6 done");
    }

    private SyncSummary Sync(DatasetVersion version, string folder, string options = "")
    {
        var result = _ps.Run($"$args[0] | Sync-SeeMeDatasetVersion -Path $args[1] {options}", version, folder);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        return Assert.Single(result.OfType<SyncSummary>());
    }

    private static bool IsItemCreate(string method, string path) => method == "POST" && path.EndsWith("/items");

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
