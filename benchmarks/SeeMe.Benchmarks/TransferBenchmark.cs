using System.Diagnostics;
using System.Net.Http.Headers;
using SeeMe.Core;
using SeeMe.Core.Entities;

namespace SeeMe.Benchmarks;

/// <summary>
/// Uploads and downloads one large model file through SeeMe.Core, beside the same transfers made
/// with a bare streaming HttpClient (the baseline), and prints time and peak client memory.
/// </summary>
public static class TransferBenchmark
{
    public static async Task RunAsync(long sizeMb, string configuration)
    {
        using var server = new ServerProcess(configuration, maxUploadMb: sizeMb + 64);
        var work = Directory.CreateTempSubdirectory("seeme-transfer-").FullName;
        try
        {
            var file = Path.Combine(work, "big.pkl"); // a pkl: the server takes its bytes as they are (an .onnx it would run must load)
            WriteFile(file, sizeMb);
            using var client = new SeeMeClient(server.BaseUri);
            client.UseApiKey(server.Username, server.ApiKey);
            var model = await client.Models.CreateAsync(new Model { Name = "transfer-benchmark" });

            var rows = new List<Row>
            {
                await MeasureAsync("bare HttpClient upload (baseline)", sizeMb, () => BareUploadAsync(server, model.Id, file)),
                await MeasureAsync("SeeMe.Core upload", sizeMb, () => client.Models.UploadFileAsync(model.Id, file)),
                await MeasureAsync("bare HttpClient download (baseline)", sizeMb, () => BareDownloadAsync(server, model.Id, Path.Combine(work, "bare.pkl"))),
                await MeasureAsync("SeeMe.Core download", sizeMb, () => client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, Path.Combine(work, "core"))),
            };
            Print(rows, sizeMb);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Row(string Name, TimeSpan Time, double PeakWorkingSetMb, double PeakManagedMb, double MbPerSecond);

    private static async Task<Row> MeasureAsync(string name, long sizeMb, Func<Task> transfer)
    {
        using var sampler = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        await transfer();
        clock.Stop();
        sampler.Dispose();
        return new Row(name, clock.Elapsed, sampler.PeakWorkingSetMb, sampler.PeakManagedMb, sizeMb / clock.Elapsed.TotalSeconds);
    }

    private static void Print(List<Row> rows, long sizeMb)
    {
        Console.WriteLine($"Transfer of a {sizeMb} MiB file to a local server in another process");
        Console.WriteLine($"{"transfer",-38} {"seconds",8} {"MiB/s",8} {"vs base",8} {"peak WS MiB",12} {"peak heap MiB",14}");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var baseline = rows[i - i % 2];
            Console.WriteLine($"{row.Name,-38} {row.Time.TotalSeconds,8:0.00} {row.MbPerSecond,8:0} {row.Time / baseline.Time,8:0.00} {row.PeakWorkingSetMb,12:0} {row.PeakManagedMb,14:0}");
        }
    }

    private static void WriteFile(string path, long sizeMb)
    {
        var block = new byte[1024 * 1024];
        new Random(42).NextBytes(block);
        using var output = File.Create(path);
        for (var i = 0; i < sizeMb; i++) output.Write(block);
    }

    private static async Task BareUploadAsync(ServerProcess server, string modelId, string file)
    {
        using var http = BareClient(server);
        await using var stream = File.OpenRead(file);
        using var part = new StreamContent(stream);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { part, "file", Path.GetFileName(file) } };
        using var reply = await http.PostAsync($"models/{modelId}/upload", form);
        reply.EnsureSuccessStatusCode();
    }

    private static async Task BareDownloadAsync(ServerProcess server, string modelId, string target)
    {
        using var http = BareClient(server);
        using var reply = await http.GetAsync($"models/{modelId}/download/pkl", HttpCompletionOption.ResponseHeadersRead);
        reply.EnsureSuccessStatusCode();
        await using var output = File.Create(target);
        await reply.Content.CopyToAsync(output);
    }

    private static HttpClient BareClient(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{server.Username}:{server.ApiKey}");
        return http;
    }
}
