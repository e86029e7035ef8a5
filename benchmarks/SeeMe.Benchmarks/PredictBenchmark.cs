using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.TestModels;

namespace SeeMe.Benchmarks;

/// <summary>
/// Image predictions per second against the local server in another process, running a real ONNX
/// image classifier: SeeMe.Core beside a bare HttpClient posting the same multipart requests (the
/// baseline), one request at a time and with several in flight. Every answer is checked.
/// </summary>
public static class PredictBenchmark
{
    private static readonly string[] Colours = ["red", "green", "blue"];
    private const int WarmUpRequests = 100;

    public static async Task RunAsync(int count, int concurrency, string configuration)
    {
        using var server = new ServerProcess(configuration, maxUploadMb: 64);
        var work = Directory.CreateTempSubdirectory("seeme-predict-").FullName;
        try
        {
            var images = WriteImages(work, count);
            using var client = new SeeMeClient(server.BaseUri);
            client.UseApiKey(server.Username, server.ApiKey);
            var model = await CreateModelAsync(client, work);
            using var bare = BareClient(server);

            // Warm up both paths, one at a time and concurrently (JIT tiers on both sides, connection pools, the ONNX session).
            var warmUp = images[..Math.Min(WarmUpRequests, images.Length)];
            foreach (var parallel in new[] { 1, concurrency })
            {
                await Bare(bare, model.Id, warmUp, parallel);
                await Core(client, model.Id, warmUp, parallel);
            }

            var rows = new List<Row>
            {
                await MeasureAsync("bare HttpClient, sequential (baseline)", count, () => Bare(bare, model.Id, images, 1)),
                await MeasureAsync("SeeMe.Core, sequential", count, () => Core(client, model.Id, images, 1)),
                await MeasureAsync($"bare HttpClient, {concurrency} concurrent (baseline)", count, () => Bare(bare, model.Id, images, concurrency)),
                await MeasureAsync($"SeeMe.Core, {concurrency} concurrent", count, () => Core(client, model.Id, images, concurrency)),
            };
            Print(rows, count);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One image to predict and the class the model must answer for it.</summary>
    private sealed record Image(string Path, string Expected);

    private sealed record Row(string Name, int Requests, TimeSpan Time)
    {
        public double PerSecond => Requests / Time.TotalSeconds;
    }

    /// <summary>Small PNGs (32×32) in colours that cycle red, green, blue with some variation, so each answer is known.</summary>
    private static Image[] WriteImages(string folder, int count)
    {
        var random = new Random(42);
        var images = new Image[count];
        for (var i = 0; i < count; i++)
        {
            var winner = i % 3;
            var channels = new byte[3];
            for (var c = 0; c < 3; c++) channels[c] = (byte)(c == winner ? random.Next(180, 256) : random.Next(0, 80));
            var path = Path.Combine(folder, $"image-{i:D5}.png");
            File.WriteAllBytes(path, TestPng.Solid(channels[0], channels[1], channels[2], 32, 32));
            images[i] = new Image(path, Colours[winner]);
        }
        return images;
    }

    private static async Task<Model> CreateModelAsync(SeeMeClient client, string work)
    {
        var model = await client.Models.CreateAsync(new Model { Name = "predict-benchmark", ApplicationType = "image_classification" });
        var onnx = Path.Combine(work, "model.onnx");
        var labels = Path.Combine(work, "labels.txt");
        File.WriteAllBytes(onnx, OnnxModelBuilder.ImageClassifier());
        File.WriteAllLines(labels, Colours);
        var version = await client.Models.UploadFileAsync(model.Id, onnx);
        await client.Models.UploadFileAsync(model.Id, labels);
        if (!version.CanInference) throw new InvalidOperationException("The server did not accept the ONNX model for inference.");
        return model;
    }

    private static async Task<Row> MeasureAsync(string name, int requests, Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        return new Row(name, requests, clock.Elapsed);
    }

    private static Task Core(SeeMeClient client, string modelId, Image[] images, int concurrency) =>
        ForEach(images, concurrency, async (image, token) =>
        {
            var prediction = await client.Predictions.PredictFileAsync(modelId, null, image.Path, cancellationToken: token);
            Check(image, prediction.Label);
        });

    /// <summary>The same request by hand: the file streamed as multipart <c>file</c>, the reply's <c>prediction</c> read from the JSON.</summary>
    private static Task Bare(HttpClient http, string modelId, Image[] images, int concurrency) =>
        ForEach(images, concurrency, async (image, token) =>
        {
            await using var stream = File.OpenRead(image.Path);
            using var part = new StreamContent(stream);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var form = new MultipartFormDataContent { { part, "file", Path.GetFileName(image.Path) } };
            using var reply = await http.PostAsync($"inferences/{modelId}", form, token);
            reply.EnsureSuccessStatusCode();
            await using var body = await reply.Content.ReadAsStreamAsync(token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: token);
            Check(image, json.RootElement.GetProperty("prediction").GetString());
        });

    private static async Task ForEach(Image[] images, int concurrency, Func<Image, CancellationToken, ValueTask> predict)
    {
        if (concurrency <= 1)
        {
            foreach (var image in images) await predict(image, CancellationToken.None);
            return;
        }
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, predict);
    }

    private static void Check(Image image, string? label)
    {
        if (label != image.Expected)
            throw new InvalidOperationException($"{Path.GetFileName(image.Path)}: the server answered '{label}', expected '{image.Expected}'.");
    }

    private static void Print(List<Row> rows, int count)
    {
        Console.WriteLine($"Image predictions ({count} PNGs, 32x32, real ONNX classifier) against a local server in another process");
        Console.WriteLine($"{"client",-40} {"requests",8} {"seconds",8} {"req/s",8} {"vs base",8}");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var baseline = rows[i - i % 2];
            Console.WriteLine($"{row.Name,-40} {row.Requests,8} {row.Time.TotalSeconds,8:0.00} {row.PerSecond,8:0} {row.PerSecond / baseline.PerSecond,8:0.00}");
        }
        Console.WriteLine("vs base: req/s divided by the bare HttpClient's at the same concurrency (1.00 = as fast, below 1 = slower). Every answer was checked.");
    }

    private static HttpClient BareClient(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{server.Username}:{server.ApiKey}");
        return http;
    }
}
