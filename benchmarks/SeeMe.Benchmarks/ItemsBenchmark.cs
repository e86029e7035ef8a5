using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SeeMe.Benchmarks;

/// <summary>
/// Dataset scale: one version of the local server (in another process, over HTTP) grown to each
/// size in turn by importing a folders zip of annotated text items, and at each size the median
/// time of a page of 100 items (first page, a page in the middle, a page filtered by split and
/// label) and of creating one item with a split and an annotation, and the cost per item of the
/// import that grew it and of exporting the whole version (GET .../download, the folders zip).
/// A bare HttpClient, so the numbers are the server's. Then the sync rows (<see cref="SyncBenchmark"/>), with the
/// cmdlets, the largest version listed behind a round trip.
/// </summary>
public static class ItemsBenchmark
{
    private const int PageSize = 100;
    private const int LabelCount = 3;
    private static readonly string[] SplitNames = ["train", "valid", "test"];

    /// <summary>items [--sizes 1000,10000] [--repeat 25] [--export-repeat 3] [--sync-images 5000] [--round-trip-ms 20]</summary>
    public static async Task RunAsync(string[] args, string configuration)
    {
        var sizes = Option(args, "--sizes", "1000,10000").Split(',').Select(int.Parse).Order().ToArray();
        var repeat = int.Parse(Option(args, "--repeat", "25"));
        var exportRepeat = int.Parse(Option(args, "--export-repeat", "3"));
        using var server = new ServerProcess(configuration, maxUploadMb: 1024);
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{server.Username}:{server.ApiKey}");

        var warmUp = await CreateVersionAsync(http); // the first import and export compile their code; keep that out of the smallest size
        await ImportAsync(http, server, warmUp, first: 0, count: 500);
        await ExportAsync(http, server, warmUp, 500, repeat: 3);

        var version = await CreateVersionAsync(http);
        var rows = new List<Row>();
        var count = 0;
        foreach (var size in sizes)
        {
            var import = await ImportAsync(http, server, version, first: count, count: size - count);
            count = size;
            var export = await ExportAsync(http, server, version, count, exportRepeat);
            rows.Add(await MeasureAsync(http, version, count, import, export, repeat));
            count += 2 * repeat; // the creates measured above stay in the version
        }
        Print(rows, repeat);

        var syncImages = int.Parse(Option(args, "--sync-images", "5000"));
        if (syncImages > 0) await SyncBenchmark.RunAsync(server, syncImages, int.Parse(Option(args, "--round-trip-ms", "20")), version.Path, count);
    }

    private sealed record Version(string Path, string TrainId, string LabelId);

    /// <summary>One call that handled <paramref name="Items"/> items: its elapsed time and the server's CPU time.</summary>
    private sealed record Cost(TimeSpan Time, TimeSpan ServerCpu, int Items)
    {
        public double MicrosecondsPerItem => Time.TotalMicroseconds / Items;
        public double CpuMicrosecondsPerItem => ServerCpu.TotalMicroseconds / Items;
    }

    /// <summary>Runs <paramref name="call"/> and returns its elapsed time and the server's CPU time meanwhile.</summary>
    private static async Task<(TimeSpan Time, TimeSpan ServerCpu)> TimeAsync(ServerProcess server, Func<Task> call)
    {
        var cpu = server.CpuTime;
        var started = Stopwatch.GetTimestamp();
        await call();
        return (Stopwatch.GetElapsedTime(started), server.CpuTime - cpu);
    }

    private sealed record Row(int Items, Cost Import, Cost Export, double FirstPage, double MiddlePage, double Filtered, double Create);

    private static async Task<Version> CreateVersionAsync(HttpClient http)
    {
        var dataset = await SendAsync(http, HttpMethod.Post, "datasets",
            new JsonObject { ["name"] = "items benchmark", ["content_type"] = "text", ["default_splits"] = true });
        var path = $"datasets/{dataset["id"]}/versions/{dataset["versions"]![0]!["id"]}";
        var label = await SendAsync(http, HttpMethod.Post, path + "/labels", new JsonObject { ["name"] = "label0" });
        var splits = (JsonArray)(await SendAsync(http, HttpMethod.Get, path + "/splits"))["list"]!;
        var train = splits.First(s => (string?)s!["name"] == "train")!;
        return new Version(path, (string)train["id"]!, (string)label["id"]!);
    }

    /// <summary>Imports items first..first+count-1 as a folders zip: a third in each split, a ninth in each split and label.</summary>
    private static async Task<Cost> ImportAsync(HttpClient http, ServerProcess server, Version version, int first, int count)
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = first; i < first + count; i++)
            {
                var entry = zip.CreateEntry($"{SplitNames[i % 3]}/label{i / 3 % LabelCount}/item{i:D7}.txt", CompressionLevel.Fastest);
                await using var stream = entry.Open();
                await stream.WriteAsync(Encoding.UTF8.GetBytes($"text of item {i}"));
            }
        }
        var file = new ByteArrayContent(zipBytes.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-zip-compressed");
        using var form = new MultipartFormDataContent { { file, "file", "items.zip" } };
        var (time, cpu) = await TimeAsync(server, async () =>
        {
            using var reply = await http.PostAsync(version.Path + "/upload/folders", form);
            await EnsureAsync(reply);
        });
        return new Cost(time, cpu, count);
    }

    /// <summary>The export of the whole version as a folders zip, read to the end (the median by elapsed time); checks that every item is in it.</summary>
    private static async Task<Cost> ExportAsync(HttpClient http, ServerProcess server, Version version, int items, int repeat)
    {
        var costs = new List<Cost>();
        for (var i = 0; i < repeat; i++)
        {
            using var zipBytes = new MemoryStream();
            var (time, cpu) = await TimeAsync(server, async () =>
            {
                using var reply = await http.GetAsync(version.Path + "/download?format=folders", HttpCompletionOption.ResponseHeadersRead);
                await EnsureAsync(reply);
                await reply.Content.CopyToAsync(zipBytes);
            });
            costs.Add(new Cost(time, cpu, items));
            using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);
            var files = zip.Entries.Count(e => !e.FullName.EndsWith('/'));
            if (files != items) throw new InvalidOperationException($"The export holds {files} files for {items} items.");
        }
        return costs.OrderBy(c => c.Time).ElementAt(costs.Count / 2);
    }

    private static async Task<Row> MeasureAsync(HttpClient http, Version version, int items, Cost import, Cost export, int repeat)
    {
        var items0 = version.Path + "/items?pageSize=" + PageSize;
        var middle = $"{items0}&pageCount={items / PageSize / 2}";
        var filtered = $"{items0}&splitId={version.TrainId}&labelId={version.LabelId}";
        async Task Page(string url)
        {
            var page = await SendAsync(http, HttpMethod.Get, url);
            if (((JsonArray)page["list"]!).Count != PageSize) throw new InvalidOperationException($"GET {url} did not fill a page of {PageSize}.");
        }
        var create = new JsonObject
        {
            ["name"] = "created", ["text"] = "a new item",
            ["splits"] = new JsonArray(new JsonObject { ["id"] = version.TrainId }),
            ["annotations"] = new JsonArray(new JsonObject { ["label_id"] = version.LabelId, ["coordinates"] = "" }),
        };
        Task Create() => SendAsync(http, HttpMethod.Post, version.Path + "/items", create);

        foreach (var warmUp in new[] { () => Page(items0), () => Page(middle), () => Page(filtered), Create })
            for (var i = 0; i < repeat; i++) await warmUp();
        return new Row(items, import, export,
            await MedianAsync(repeat, () => Page(items0)),
            await MedianAsync(repeat, () => Page(middle)),
            await MedianAsync(repeat, () => Page(filtered)),
            await MedianAsync(repeat, Create));
    }

    private static async Task<double> MedianAsync(int repeat, Func<Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Sends JSON (or nothing) and returns the reply object; a list reply comes back as {"list": [...]}.</summary>
    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var reply = await http.SendAsync(request);
        await EnsureAsync(reply);
        var node = JsonNode.Parse(await reply.Content.ReadAsStringAsync());
        return node as JsonObject ?? new JsonObject { ["list"] = node };
    }

    private static async Task EnsureAsync(HttpResponseMessage reply)
    {
        if (!reply.IsSuccessStatusCode)
            throw new InvalidOperationException($"{reply.RequestMessage!.Method} {reply.RequestMessage.RequestUri} → {(int)reply.StatusCode}: {await reply.Content.ReadAsStringAsync()}");
    }

    private static void Print(List<Row> rows, int repeat)
    {
        Console.WriteLine($"Pages and creates: median of {repeat} calls each, in ms; a page is {PageSize} items; every item has one annotation.");
        Console.WriteLine("Import: the zip that grew the version to this size. Export: GET .../download?format=folders of the whole version, read to the end.");
        Console.WriteLine("Per item: elapsed µs / the server's CPU µs (CPU time is the steadier number on a busy machine).");
        Console.WriteLine();
        Console.WriteLine("| annotated items in the version | import (items, s) | import µs/item | export (s) | export µs/item | GET first page | GET middle page | GET page by split+label | POST one item |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Items:N0} | {r.Import.Items:N0}, {r.Import.Time.TotalSeconds:F1} | {PerItem(r.Import)} | {r.Export.Time.TotalSeconds:F2} | {PerItem(r.Export)} | {r.FirstPage:F1} | {r.MiddlePage:F1} | {r.Filtered:F1} | {r.Create:F1} |");
        if (rows.Count < 2) return;
        var (small, large) = (rows[0], rows[^1]);
        Console.WriteLine($"| growth {small.Items:N0} → {large.Items:N0} | | {Growth(small.Import, large.Import)} | | {Growth(small.Export, large.Export)} | {large.FirstPage / small.FirstPage:F1}× | {large.MiddlePage / small.MiddlePage:F1}× | {large.Filtered / small.Filtered:F1}× | {large.Create / small.Create:F1}× |");
    }

    private static string PerItem(Cost c) => $"{c.MicrosecondsPerItem:F0} / {c.CpuMicrosecondsPerItem:F0}";

    private static string Growth(Cost small, Cost large) =>
        $"{large.MicrosecondsPerItem / small.MicrosecondsPerItem:F1}× / {large.CpuMicrosecondsPerItem / small.CpuMicrosecondsPerItem:F1}×";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
