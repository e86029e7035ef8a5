using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SeeMe.Benchmarks;

/// <summary>
/// Importing many labels: for each size, a folders zip of that many empty label folders (train/label0/, ...)
/// imported into a fresh dataset version of the local server (another process), timed by elapsed time and the
/// server's CPU time. Each label name was once looked up in a list (a minute for 100k on a busy 2-core machine);
/// the growth column shows whether the cost per label stays flat. ZipImportScaleTests checks the result.
/// </summary>
public static class LabelsBenchmark
{
    /// <summary>labels [--sizes 10000,100000]</summary>
    public static async Task RunAsync(string[] args, string configuration)
    {
        var i = Array.IndexOf(args, "--sizes");
        var sizes = (i >= 0 && i + 1 < args.Length ? args[i + 1] : "10000,100000").Split(',').Select(int.Parse).Order().ToArray();
        using var server = new ServerProcess(configuration, maxUploadMb: 1024);
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{server.Username}:{server.ApiKey}");

        await ImportAsync(http, server, 1000); // warm-up: the first import compiles its code
        Console.WriteLine("| label folders in the zip | import s | server CPU s | µs per label (elapsed / CPU) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var (time, cpu) = await ImportAsync(http, server, size);
            Console.WriteLine($"| {size:N0} | {time.TotalSeconds:F2} | {cpu.TotalSeconds:F2} | {time.TotalMicroseconds / size:F0} / {cpu.TotalMicroseconds / size:F0} |");
        }
    }

    private static async Task<(TimeSpan Time, TimeSpan ServerCpu)> ImportAsync(HttpClient http, ServerProcess server, int labels)
    {
        var version = await NewVersionPathAsync(http);
        using var form = new MultipartFormDataContent { { ZipOfLabelFolders(labels), "file", "labels.zip" } };
        var cpu = server.CpuTime;
        var started = Stopwatch.GetTimestamp();
        using var reply = await http.PostAsync(version + "/upload/folders", form);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var body = await reply.Content.ReadAsStringAsync();
        if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"The import answered {(int)reply.StatusCode}: {body}");
        var imported = JsonNode.Parse(body)!["labels"]!.AsArray().Count;
        if (imported != labels) throw new InvalidOperationException($"The import made {imported} labels of {labels}.");
        return (elapsed, server.CpuTime - cpu);
    }

    private static async Task<string> NewVersionPathAsync(HttpClient http)
    {
        var request = new JsonObject { ["name"] = "labels benchmark", ["content_type"] = "images" };
        using var reply = await http.PostAsync("datasets", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var dataset = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"Creating the dataset answered {(int)reply.StatusCode}: {dataset}");
        return $"datasets/{dataset["id"]}/versions/{dataset["versions"]![0]!["id"]}";
    }

    private static ByteArrayContent ZipOfLabelFolders(int count)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("train/");
            for (var i = 0; i < count; i++) zip.CreateEntry($"train/label{i}/");
        }
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }
}
