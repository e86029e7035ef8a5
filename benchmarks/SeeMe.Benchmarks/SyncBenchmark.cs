using System.Diagnostics;
using SeeMe.Core.Entities;
using SeeMe.Core.Sync;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Benchmarks;

/// <summary>
/// The items benchmark's sync rows: Sync-SeeMeDatasetVersion of a folder of small images (the folders layout) beside
/// Import-SeeMeDatasetVersion of the same folder, and a sync with nothing changed beside a plain listing of the version;
/// then, behind a round trip, listing a large version with Get-SeeMeDatasetItem (pages -ThrottleLimit at once) beside the
/// SDK's page loop, and the no-change sync beside the listing. The cmdlets run in the real engine; every count is checked.
/// </summary>
public static class SyncBenchmark
{
    private static readonly string[] Labels = ["red", "green", "blue"];
    private static readonly string[] Splits = ["train", "valid"];

    /// <param name="listedPath">datasets/{ds}/versions/{dv} of a version holding <paramref name="listedItems"/> items (listed behind the round trip).</param>
    public static async Task RunAsync(ServerProcess server, int images, int roundTripMs, string listedPath, int listedItems)
    {
        var work = Directory.CreateTempSubdirectory("seeme-sync-bench-").FullName;
        try
        {
            var folder = MakeFolder(Path.Combine(work, "data"), images);
            using var engine = new PowerShellEngine(server.BaseUri, server.Username, server.ApiKey);
            WarmUp(engine, MakeFolder(Path.Combine(work, "warm-up"), 100));
            var synced = Loopback(engine, folder, images);
            await BehindRoundTripAsync(server, roundTripMs, folder, synced, images, listedPath, listedItems, work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The loopback table; returns the version the folder was synced into.</summary>
    private static DatasetVersion Loopback(PowerShellEngine engine, string folder, int images)
    {
        var (imported, synced) = (NewVersion(engine), NewVersion(engine));
        var import = Time(() => Check(engine.Run("param($v, $p) $v | Import-SeeMeDatasetVersion -Path $p | Out-Null; @($v | Get-SeeMeDatasetItem).Count", imported, folder), images));
        var first = Time(() => CheckSummary(engine.Run("param($v, $p) $v | Sync-SeeMeDatasetVersion -Path $p", synced, folder), created: images, unchanged: 0));
        var again = Time(() => CheckSummary(engine.Run("param($v, $p) $v | Sync-SeeMeDatasetVersion -Path $p", synced, folder), created: 0, unchanged: images));
        var listing = Time(() => Check(engine.Run("param($v) @($v | Get-SeeMeDatasetItem).Count", synced), images));

        var table = new Table($"Sync-SeeMeDatasetVersion: a folder of {images:N0} images, loopback", "what", "seconds", "items/s", "vs its baseline");
        table.Add($"Import-SeeMeDatasetVersion of the folder (one zip; baseline of the first sync)", Seconds(import), PerSecond(images, import), "1.00x");
        table.Add("Sync-SeeMeDatasetVersion, first sync (a create and an upload per image)", Seconds(first), PerSecond(images, first), Ratio(import / first));
        table.Add("Get-SeeMeDatasetItem, the whole version (baseline of the no-change sync)", Seconds(listing), PerSecond(images, listing), "1.00x");
        table.Add("Sync-SeeMeDatasetVersion, nothing changed (no write request)", Seconds(again), PerSecond(images, again), Ratio(listing / again));
        table.Print($"vs its baseline: above 1 = faster than the row it is compared with. Default -ThrottleLimit ({SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit}). Counts checked: every item created once, none on the rerun.");
        return synced;
    }

    private static async Task BehindRoundTripAsync(ServerProcess server, int roundTripMs, string folder, DatasetVersion synced, int images, string listedPath, int listedItems, string work)
    {
        await using var proxy = new LatencyProxy(server.BaseUri, TimeSpan.FromMilliseconds(roundTripMs));
        using var engine = new PowerShellEngine(proxy.BaseUri, server.Username, server.ApiKey);
        var ids = listedPath.Split('/');
        var table = new Table($"Listing {listedItems:N0} items and a no-change sync of {images:N0}, behind a {roundTripMs} ms round trip", "client", "seconds", "items/s", "vs the SDK's page loop");
        var python = PythonRequests.TryCreate(work);
        TimeSpan? sdk = null;
        if (python != null)
        {
            var (time, names) = python.Run(proxy.BaseUri, $"{server.Username}:{server.ApiKey}", "list_items", [100], path: listedPath + "/items");
            Check(names.Length, listedItems);
            sdk = time;
            table.Add("Python requests page loop (the SDK's way, pages of 100)", Seconds(time), PerSecond(listedItems, time), "1.00x");
        }
        using (var http = new HttpClient { BaseAddress = proxy.BaseUri })
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{server.Username}:{server.ApiKey}");
            foreach (var atOnce in new[] { 1, SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit })
            {
                var started = Stopwatch.GetTimestamp();
                Check(await BareListingAsync(http, listedPath + "/items", atOnce), listedItems);
                var time = Stopwatch.GetElapsedTime(started);
                table.Add($"HttpClient, {atOnce} page{(atOnce == 1 ? "" : "s")} at once (no client work but parsing)", Seconds(time), PerSecond(listedItems, time), sdk is TimeSpan s ? Ratio(s / time) : "-");
            }
        }
        foreach (var limit in new[] { 1, 4, SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit, 8 })
        {
            var time = Time(() => Check(engine.Run("param($d, $v, $n) @(Get-SeeMeDatasetItem -DatasetId $d -DatasetVersionId $v -ThrottleLimit $n).Count", ids[1], ids[3], limit), listedItems));
            table.Add($"Get-SeeMeDatasetItem -ThrottleLimit {limit}{CmdletBenchmark.DefaultMark(limit)}", Seconds(time), PerSecond(listedItems, time), sdk is TimeSpan s ? Ratio(s / time) : "-");
        }
        table.Print("Every listing checked for its count. Pages of 100; -ThrottleLimit pages asked for at once.");

        var listing = Time(() => Check(engine.Run("param($v) @($v | Get-SeeMeDatasetItem).Count", synced), images));
        var again = Time(() => CheckSummary(engine.Run("param($v, $p) $v | Sync-SeeMeDatasetVersion -Path $p", synced, folder), created: 0, unchanged: images));
        var sync = new Table($"A no-change sync of {images:N0} images, behind a {roundTripMs} ms round trip", "what", "seconds", "vs the listing");
        sync.Add("Get-SeeMeDatasetItem, the whole version", Seconds(listing), "1.00x");
        sync.Add("Sync-SeeMeDatasetVersion, nothing changed", Seconds(again), (again / listing).ToString("0.00") + "x the time");
        sync.Print($"Default -ThrottleLimit ({SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit}) for both; the sync lists the version while it reads the folder, and sends no write request.");
    }

    /// <summary>
    /// The listing with a bare HttpClient: <paramref name="atOnce"/> page requests in flight (the next asked for as each
    /// arrives), each page parsed, up to the first short page; returns the items counted.
    /// </summary>
    private static async Task<int> BareListingAsync(HttpClient http, string itemsPath, int atOnce)
    {
        const int pageSize = 100;
        var inFlight = new Queue<Task<int>>();
        var (next, total) = (0, 0);
        while (true)
        {
            while (inFlight.Count < atOnce) inFlight.Enqueue(CountPageAsync(http, $"{itemsPath}?pageSize={pageSize}&pageCount={next++}"));
            var count = await inFlight.Dequeue();
            total += count;
            if (count < pageSize)
            {
                await Task.WhenAll(inFlight);
                return total;
            }
        }
    }

    private static async Task<int> CountPageAsync(HttpClient http, string path)
    {
        using var reply = await http.GetAsync(path);
        reply.EnsureSuccessStatusCode();
        using var page = System.Text.Json.JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return page.RootElement.GetArrayLength();
    }

    /// <summary>A folders-layout folder of <paramref name="images"/> distinct 8×8 PNGs: split/label/imgNNNNN.png.</summary>
    private static string MakeFolder(string root, int images)
    {
        for (var i = 0; i < images; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, Splits[i % Splits.Length], Labels[i / Splits.Length % Labels.Length])).FullName;
            File.WriteAllBytes(Path.Combine(folder, $"img{i:D5}.png"), TestPng.Solid((byte)i, (byte)(i >> 8), (byte)(i * 7), 8, 8));
        }
        return root;
    }

    private static void WarmUp(PowerShellEngine engine, string folder)
    {
        engine.Run("param($v, $p) $v | Import-SeeMeDatasetVersion -Path $p | Out-Null", NewVersion(engine), folder);
        var version = NewVersion(engine);
        engine.Run("param($v, $p) $v | Sync-SeeMeDatasetVersion -Path $p | Out-Null; $v | Sync-SeeMeDatasetVersion -Path $p | Out-Null", version, folder);
    }

    private static DatasetVersion NewVersion(PowerShellEngine engine) =>
        (DatasetVersion)engine.Run("(New-SeeMeDataset -Name ('sync bench ' + [guid]::NewGuid()) -DefaultSplits).Versions[0] | ForEach-Object { Get-SeeMeDatasetVersion -DatasetId $_.DatasetId -Id $_.Id }")[0].BaseObject;

    private static void Check(System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> output, int expected) =>
        Check(Convert.ToInt32(output.Single().BaseObject), expected);

    private static void Check(int actual, int expected)
    {
        if (actual != expected) throw new InvalidOperationException($"{actual} items, not {expected}.");
    }

    private static void CheckSummary(System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> output, int created, int unchanged)
    {
        var summary = (SyncSummary)output.Single().BaseObject;
        if (summary.Created != created || summary.Unchanged != unchanged || summary.Updated + summary.Deleted + summary.Failed > 0)
            throw new InvalidOperationException($"The sync created {summary.Created}, updated {summary.Updated}, left {summary.Unchanged}, failed {summary.Failed}; expected {created} created, {unchanged} unchanged.");
    }

    private static TimeSpan Time(Action work)
    {
        var started = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(started);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00");
    private static string PerSecond(int count, TimeSpan time) => (count / time.TotalSeconds).ToString("0");
    private static string Ratio(double ratio) => ratio.ToString("0.00") + "x";
}
