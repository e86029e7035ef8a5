using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Benchmarks;

/// <summary>
/// What a user of the module feels, in one run against the local server in another process: the
/// cmdlets run in the real PowerShell engine, beside a bare HttpClient making the same requests
/// (the floor) and the Python SDK's way of making them (see <see cref="PythonRequests"/>).
/// 1. Per-call cost of a few cmdlets in a loop. 2. Invoke-SeeMePrediction and
/// 3. Save-SeeMeDatasetItemImage and 4. Test-SeeMeModel (beside the loop a user writes: download each image, predict,
/// compare) over many files, one at a time and with -ThrottleLimit 2/4/8,
/// on loopback and behind a simulated round trip (a loopback latency proxy). Every answer is checked.
/// </summary>
public static class CmdletBenchmark
{
    private static readonly string[] Colours = ["red", "green", "blue"];
    private const int Rounds = 5;

    public static async Task RunAsync(int calls, int files, int roundTripMs, string configuration)
    {
        using var server = new ServerProcess(configuration, maxUploadMb: 64);
        var work = Directory.CreateTempSubdirectory("seeme-cmdlets-").FullName;
        try
        {
            using var client = new SeeMeClient(server.BaseUri);
            client.UseApiKey(server.Username, server.ApiKey);
            var setup = await Setup.CreateAsync(client, work, files);
            var python = PythonRequests.TryCreate(work);
            var auth = $"{server.Username}:{server.ApiKey}";

            using (var engine = new PowerShellEngine(server.BaseUri, server.Username, server.ApiKey))
            using (var bare = new BareHttp(server.BaseUri, auth))
                PerCall(engine, bare, client, python, auth, server.BaseUri, setup, calls);

            await ManyFilesAsync("Invoke-SeeMePrediction", server, python, auth, setup, work, roundTripMs, Predictions);
            await ManyFilesAsync("Save-SeeMeDatasetItemImage", server, python, auth, setup, work, roundTripMs, Downloads);
            await ManyFilesAsync("Test-SeeMeModel", server, python, auth, setup, work, roundTripMs, Evaluations);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // ---- 1. Per-call cost

    private static void PerCall(PowerShellEngine engine, BareHttp bare, SeeMeClient core, PythonRequests? python, string auth, Uri baseUri, Setup setup, int calls)
    {
        var itemsPath = $"datasets/{setup.Dataset.Id}/versions/{setup.Version.Id}/items";
        var image = setup.Images[0];
        var cases = new (string Work, Func<int, Task> Bare, Func<int, Task> Core, string Cmdlet, object[] Args, Func<int, TimeSpan?> Python)[]
        {
            ("get one model (Get-SeeMeModel -Id)",
                _ => bare.GetModelAsync(setup.Model.Id),
                _ => core.Models.GetAsync(setup.Model.Id),
                "param($id, $n) foreach ($i in 1..$n) { $null = Get-SeeMeModel -Id $id }", [setup.Model.Id],
                n => python?.Run(baseUri, auth, "get_model", Enumerable.Repeat<object>(setup.Model.Id, n)).Time),
            ("create a text item (New-SeeMeDatasetItem)",
                i => bare.CreateItemAsync(itemsPath, "bare" + i),
                i => core.Items.CreateAsync(setup.Dataset.Id, setup.Version.Id, new DatasetItem { Name = "core" + i, Text = "core" + i }),
                "param($ds, $dv, $n) foreach ($i in 1..$n) { $null = New-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Name \"ps$i\" -Text \"ps$i\" }",
                [setup.Dataset.Id, setup.Version.Id],
                n => python?.Run(baseUri, auth, "create_item", Enumerable.Range(0, n).Select(i => (object)("py" + i)), path: itemsPath).Time),
            ("predict one image (Invoke-SeeMePrediction)",
                _ => bare.PredictAsync(setup.Model.Id, image.Path),
                _ => core.Predictions.PredictFileAsync(setup.Model.Id, null, image.Path),
                "param($model, $file, $n) foreach ($i in 1..$n) { $null = Invoke-SeeMePrediction -Model $model -LiteralPath $file }", [setup.Model, image.Path],
                n => python?.Run(baseUri, auth, "predict", Enumerable.Repeat<object>(image.Path, n), model: setup.Model.Id).Time),
        };

        var table = new Table($"Per-call cost: {calls} calls in a loop, one at a time, loopback (median of {Rounds} rounds)",
            "call", "HttpClient ms", "SeeMe.Core ms", "Python ms", "cmdlet ms", "cmdlet - HttpClient ms", "cmdlet / Python");
        foreach (var (work, bareCall, coreCall, script, args, pythonLoop) in cases)
        {
            // Warm up all of them (JIT, connection pools, the engine's command cache, the server's ONNX session).
            Time(() => Loop(bareCall, 50));
            Time(() => Loop(coreCall, 50));
            engine.Run(script, [.. args, 50]);
            pythonLoop(20);

            // Rounds taken in turns, each loop's median kept: a busy moment of the machine falls on one round of one loop.
            var rounds = Enumerable.Range(0, Rounds).Select(_ => (
                Bare: Time(() => Loop(bareCall, calls)),
                Core: Time(() => Loop(coreCall, calls)),
                Cmdlet: Time(() => engine.Run(script, [.. args, calls])),
                Python: pythonLoop(calls))).ToList();
            var bareTime = Median(rounds.Select(r => r.Bare));
            var coreTime = Median(rounds.Select(r => r.Core));
            var cmdletTime = Median(rounds.Select(r => r.Cmdlet));
            var pythonTime = python == null ? (TimeSpan?)null : Median(rounds.Select(r => r.Python!.Value));
            double PerCallMs(TimeSpan t) => t.TotalMilliseconds / calls;
            table.Add(work, Ms(PerCallMs(bareTime)), Ms(PerCallMs(coreTime)), pythonTime is TimeSpan p ? Ms(PerCallMs(p)) : "-", Ms(PerCallMs(cmdletTime)),
                Ms(PerCallMs(cmdletTime) - PerCallMs(bareTime)), pythonTime is TimeSpan q ? Ratio(cmdletTime / q) : "-");
        }
        table.Print("cmdlet ms: the whole PowerShell loop (foreach, parameter binding, the cmdlet, its HTTP call). Python: requests the way the SDK calls it.");
    }

    // ---- 2 and 3. Many files, one at a time and with -ThrottleLimit

    /// <summary>One way of doing the many-files work: the time it took, after checking every result.</summary>
    private delegate Task<TimeSpan> Runner(string how, int throttleLimit, Context context);

    private sealed record Context(PowerShellEngine Engine, BareHttp Bare, PythonRequests? Python, string Auth, Uri BaseUri, Setup Setup, string Work);

    private static async Task ManyFilesAsync(string cmdlet, ServerProcess server, PythonRequests? python, string auth, Setup setup, string work, int roundTripMs, Runner run)
    {
        foreach (var roundTrip in new[] { 0, roundTripMs })
        {
            await using var proxy = roundTrip == 0 ? null : new LatencyProxy(server.BaseUri, TimeSpan.FromMilliseconds(roundTrip));
            var baseUri = proxy?.BaseUri ?? server.BaseUri;
            using var engine = new PowerShellEngine(baseUri, server.Username, server.ApiKey);
            using var bare = new BareHttp(baseUri, auth);
            var context = new Context(engine, bare, python, auth, baseUri, setup, work);
            await run("warm-up", 8, context with { Setup = setup.Sample(100) });

            var where = roundTrip == 0 ? "loopback" : $"behind a {roundTrip} ms round trip";
            var table = new Table($"{cmdlet}: {setup.Images.Length} files, {where}", "client", "seconds", "files/s", "vs HttpClient 1 at a time", "vs Python loop");
            var rows = new List<(string Name, TimeSpan Time)>
            {
                ("HttpClient, 1 at a time (baseline)", await run("bare", 1, context)),
            };
            if (python != null) rows.Add(("Python requests loop (the SDK's way)", await run("python", 1, context)));
            foreach (var limit in new[] { 1, 2, 4, SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit, 8 })
                rows.Add(($"{cmdlet} -ThrottleLimit {limit}{DefaultMark(limit)}", await run("cmdlet", limit, context)));
            rows.Add(("HttpClient, 8 at a time", await run("bare", 8, context)));

            var pythonTime = python == null ? (TimeSpan?)null : rows[1].Time;
            foreach (var (name, time) in rows)
                table.Add(name, $"{time.TotalSeconds:0.00}", $"{setup.Images.Length / time.TotalSeconds:0}", Ratio(rows[0].Time / time),
                    pythonTime is TimeSpan p ? Ratio(p / time) : "-");
            table.Print("vs ...: how many times faster than that row (above 1 = faster). Every prediction's class and every saved file's bytes were checked.");
        }
    }

    private static async Task<TimeSpan> Predictions(string how, int throttleLimit, Context c)
    {
        var images = c.Setup.Images;
        switch (how)
        {
            case "bare":
                return await TimeAsync(() => ForEach(images, throttleLimit, async image => Check(image, await c.Bare.PredictAsync(c.Setup.Model.Id, image.Path))));
            case "python":
                var (time, answers) = c.Python!.Run(c.BaseUri, c.Auth, "predict", images.Select(i => (object)i.Path), model: c.Setup.Model.Id);
                for (var i = 0; i < images.Length; i++) Check(images[i], answers[i]);
                return time;
            default:
                var files = images.Select(i => new FileInfo(i.Path)).ToArray();
                Collection<PSObject>? output = null;
                var elapsed = Time(() => output = c.Engine.Run("param($files, $model, $n) $files | Invoke-SeeMePrediction -Model $model -ThrottleLimit $n", files, c.Setup.Model, throttleLimit));
                var predictions = output!.Select(o => (Prediction)o.BaseObject).ToList();
                if (predictions.Count != images.Length) throw new InvalidOperationException($"{predictions.Count} predictions for {images.Length} files.");
                for (var i = 0; i < images.Length; i++)
                {
                    if ((string)predictions[i].Input! != images[i].Path) throw new InvalidOperationException($"Prediction {i} is for {predictions[i].Input}, not {images[i].Path}.");
                    Check(images[i], predictions[i].Label);
                }
                return elapsed;
        }
    }

    private static async Task<TimeSpan> Downloads(string how, int throttleLimit, Context c)
    {
        var folder = Directory.CreateDirectory(Path.Combine(c.Work, "saved-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var items = c.Setup.Items;
        TimeSpan time;
        switch (how)
        {
            case "bare":
                time = await TimeAsync(() => ForEach(items, throttleLimit, item => c.Bare.DownloadAsync(ItemPath(c.Setup, item) + "/download", Path.Combine(folder, item.Name + ".png"))));
                break;
            case "python":
                time = c.Python!.Run(c.BaseUri, c.Auth, "download", items.Select(i => (object)new[] { ItemPath(c.Setup, i) + "/download", Path.Combine(folder, i.Name + ".png") })).Time;
                break;
            default:
                Collection<PSObject>? output = null;
                time = Time(() => output = c.Engine.Run("param($items, $folder, $n) $items | Save-SeeMeDatasetItemImage -Destination $folder -ThrottleLimit $n", items, folder, throttleLimit));
                var saved = output!.Select(o => ((FileInfo)o.BaseObject).Name).ToList();
                if (!saved.SequenceEqual(items.Select(i => i.Name + ".png"))) throw new InvalidOperationException("Save-SeeMeDatasetItemImage wrote its files out of order.");
                break;
        }
        foreach (var item in items)
            if (!File.ReadAllBytes(Path.Combine(folder, item.Name + ".png")).AsSpan().SequenceEqual(c.Setup.ImageBytes[item.Name]))
                throw new InvalidOperationException($"The saved image of {item.Name} differs from the uploaded one.");
        Directory.Delete(folder, recursive: true);
        return time;
    }

    /// <summary>
    /// An evaluation of the model on the dataset version's test split: by hand, the loop a user writes today (download
    /// each item's image, predict it, compare with its label), or Test-SeeMeModel. Every item is labelled with the class
    /// the model must answer, so every way must find every answer right.
    /// </summary>
    private static async Task<TimeSpan> Evaluations(string how, int throttleLimit, Context c)
    {
        var folder = Directory.CreateDirectory(Path.Combine(c.Work, "evaluated-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var items = c.Setup.Items;
        var images = items.Select(item => c.Setup.Images.Single(i => Path.GetFileNameWithoutExtension(i.Path) == item.Name)).ToArray();
        string SavedFile(DatasetItem item) => Path.Combine(folder, item.Name + ".png");
        TimeSpan time;
        switch (how)
        {
            case "bare":
                time = await TimeAsync(() => ForEach(items.Zip(images).ToArray(), throttleLimit, async pair =>
                {
                    await c.Bare.DownloadAsync(ItemPath(c.Setup, pair.First) + "/download", SavedFile(pair.First));
                    Check(pair.Second, await c.Bare.PredictAsync(c.Setup.Model.Id, SavedFile(pair.First)));
                }));
                break;
            case "python":
                var (elapsed, answers) = c.Python!.Run(c.BaseUri, c.Auth, "evaluate",
                    items.Select(i => (object)new[] { ItemPath(c.Setup, i) + "/download", SavedFile(i) }), model: c.Setup.Model.Id);
                for (var i = 0; i < items.Length; i++) Check(images[i], answers[i]);
                time = elapsed;
                break;
            default:
                Collection<PSObject>? output = null;
                time = Time(() => output = c.Engine.Run("param($version, $model, $n) $version | Test-SeeMeModel -Model $model -ThrottleLimit $n",
                    c.Setup.Version, c.Setup.Model, throttleLimit));
                var result = (SeeMe.Core.Evaluation.EvaluationResult)output!.Single().BaseObject;
                if (result.ItemsEvaluated < items.Length || result.Accuracy != 1 || !result.Items.All(i => i.Correct))
                    throw new InvalidOperationException($"Test-SeeMeModel evaluated {result.ItemsEvaluated} items with accuracy {result.Accuracy}; expected every one right.");
                break;
        }
        Directory.Delete(folder, recursive: true);
        return time;
    }

    private static string ItemPath(Setup setup, DatasetItem item) => $"datasets/{setup.Dataset.Id}/versions/{setup.Version.Id}/items/{item.Id}";

    // ---- What every benchmark here is run on

    /// <summary>An image to predict and the class the model must answer for it.</summary>
    private sealed record Image(string Path, string Expected);

    /// <summary>A model that predicts colours for real (ONNX), the images for it, and a dataset version whose items hold those images.</summary>
    private sealed record Setup(Model Model, Image[] Images, Dataset Dataset, DatasetVersion Version, DatasetItem[] Items, Dictionary<string, byte[]> ImageBytes)
    {
        public Setup Sample(int count) => this with { Images = Images[..Math.Min(count, Images.Length)], Items = Items[..Math.Min(count, Items.Length)] };

        public static async Task<Setup> CreateAsync(SeeMeClient client, string work, int count)
        {
            var model = await client.Models.CreateAsync(new Model { Name = "cmdlet-benchmark", ApplicationType = "image_classification" });
            File.WriteAllBytes(Path.Combine(work, "model.onnx"), OnnxModelBuilder.ImageClassifier());
            File.WriteAllLines(Path.Combine(work, "labels.txt"), Colours);
            var version = await client.Models.UploadFileAsync(model.Id, Path.Combine(work, "model.onnx"));
            await client.Models.UploadFileAsync(model.Id, Path.Combine(work, "labels.txt"));
            if (!version.CanInference) throw new InvalidOperationException("The server did not accept the ONNX model for inference.");

            var random = new Random(42);
            var images = new Image[count];
            var bytes = new Dictionary<string, byte[]>();
            for (var i = 0; i < count; i++)
            {
                var winner = i % 3;
                var channels = Enumerable.Range(0, 3).Select(c => (byte)(c == winner ? random.Next(180, 256) : random.Next(0, 80))).ToArray();
                var name = $"image-{i:D5}";
                bytes[name] = TestPng.Solid(channels[0], channels[1], channels[2], 32, 32);
                images[i] = new Image(Path.Combine(work, name + ".png"), Colours[winner]);
                File.WriteAllBytes(images[i].Path, bytes[name]);
            }

            // The items are labelled with their colour in the split test, for Test-SeeMeModel.
            var dataset = await client.Datasets.CreateAsync(new Dataset { Name = "cmdlet-benchmark", ContentType = "images", DefaultSplits = true });
            foreach (var colour in Colours) await client.Labels.CreateAsync(dataset.Id, dataset.Versions[0].Id, new DatasetLabel { Name = colour });
            var datasetVersion = await client.DatasetVersions.GetAsync(dataset.Id, dataset.Versions[0].Id);
            var test = datasetVersion.Splits.Single(s => s.Name == "test");
            var items = new DatasetItem[count];
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            {
                var label = datasetVersion.Labels.Single(l => l.Name == images[i].Expected);
                var item = await client.Items.CreateAsync(dataset.Id, datasetVersion.Id, new DatasetItem
                {
                    Name = $"image-{i:D5}",
                    Splits = [test],
                    Annotations = [new Annotation { LabelId = label.Id, SplitId = test.Id }],
                }, ct);
                items[i] = await client.Items.UploadImageAsync(dataset.Id, datasetVersion.Id, item.Id, images[i].Path, cancellationToken: ct);
            });
            return new Setup(model, images, dataset, datasetVersion, items, bytes);
        }
    }

    /// <summary>The same requests by hand with one HttpClient: the floor any client can reach.</summary>
    private sealed class BareHttp : IDisposable
    {
        private readonly HttpClient _http;

        public BareHttp(Uri baseUri, string auth)
        {
            _http = new HttpClient { BaseAddress = baseUri };
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", auth);
        }

        public async Task GetModelAsync(string id)
        {
            using var reply = await _http.GetAsync($"models/{id}");
            reply.EnsureSuccessStatusCode();
            using var _ = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        }

        public async Task CreateItemAsync(string itemsPath, string name)
        {
            using var body = new StringContent(JsonSerializer.Serialize(new { name, text = name }), Encoding.UTF8, "application/json");
            using var reply = await _http.PostAsync(itemsPath, body);
            reply.EnsureSuccessStatusCode();
            using var _ = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        }

        public async Task<string?> PredictAsync(string modelId, string file)
        {
            await using var stream = File.OpenRead(file);
            using var part = new StreamContent(stream);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var form = new MultipartFormDataContent { { part, "file", Path.GetFileName(file) } };
            using var reply = await _http.PostAsync($"inferences/{modelId}", form);
            reply.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("prediction").GetString();
        }

        public async Task DownloadAsync(string path, string file)
        {
            using var reply = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            reply.EnsureSuccessStatusCode();
            await using var output = File.Create(file);
            await reply.Content.CopyToAsync(output);
        }

        public void Dispose() => _http.Dispose();
    }

    private static void Check(Image image, string? label)
    {
        if (label != image.Expected) throw new InvalidOperationException($"{Path.GetFileName(image.Path)}: the answer was '{label}', expected '{image.Expected}'.");
    }

    private static async Task Loop(Func<int, Task> call, int count)
    {
        for (var i = 0; i < count; i++) await call(i);
    }

    private static Task ForEach<T>(T[] inputs, int concurrency, Func<T, Task> work) =>
        Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (input, _) => await work(input));

    private static TimeSpan Time(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        work().GetAwaiter().GetResult();
        return clock.Elapsed;
    }

    private static TimeSpan Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(double ms) => ms.ToString("0.000");

    private static string Ratio(double ratio) => ratio.ToString("0.00") + "x";

    /// <summary>" (the default)" after the session's default -ThrottleLimit in a row name.</summary>
    internal static string DefaultMark(int limit) => limit == SeeMe.PowerShell.SeeMeSession.DefaultThrottleLimit ? " (the default)" : "";
}
