using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SeeMe.Core.LocalServer;
using SeeMe.Tests.Infrastructure;
using Xunit.Abstractions;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

/// <summary>
/// The server keeps its promise under a crash: the built server runs as a process of its own (started by the one
/// launcher, LocalServerProcess), is killed with its process tree (SIGKILL) while an upload, an import or many writes
/// are in flight, and is started again on the same data folder. Nothing is half there afterwards, tmp/ is swept, every
/// acknowledged write survived, and the SQLite database passes its integrity check.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _apiKey = Guid.NewGuid().ToString("N");

    private string Data => _files.PathOf("data");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_kill_during_a_model_upload_leaves_the_version_its_flags_and_its_files_as_they_were()
    {
        string modelPath, versionPath;
        JsonNode modelBefore, versionBefore;
        List<string> filesBefore, dataBefore;
        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            var model = await server.Http.CreateModelAsync();
            modelPath = $"models/{model["id"]}";
            versionPath = $"{modelPath}/versions/{model["active_version_id"]}";
            await server.Http.UploadAsync(versionPath + "/upload", "cat\ndog\n"u8.ToArray(), "labels.txt");
            modelBefore = await server.Http.GetAsync(modelPath).OkJson();
            versionBefore = await server.Http.GetAsync(versionPath).OkJson();
            Assert.True((bool)versionBefore["has_labels_file"]);
            Assert.False((bool)versionBefore["has_onnx_model"]);
            filesBefore = TestFiles.Tree(FilesFolder);
            dataBefore = DataFolderEntries();

            var body = new SlowBody(total: 512L * 1024 * 1024, fastPart: 8L * 1024 * 1024);
            var upload = server.Http.PostAsync(versionPath + "/upload", new MultipartFormDataContent { { body, "file", "model.onnx" } });
            await body.FastPartSent.WaitAsync(TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => TempFiles().Any(f => new FileInfo(f).Length >= 1024 * 1024), "the upload to reach tmp/");
            server.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
            Assert.False(body.Finished);
        }
        Assert.NotEmpty(TempFiles()); // the kill landed mid-transfer: half the upload is in tmp/
        AssertIntegrity();

        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            Assert.Empty(TempFiles());
            Assert.Equal(versionBefore.ToJsonString(), (await server.Http.GetAsync(versionPath).OkJson()).ToJsonString());
            Assert.Equal(modelBefore.ToJsonString(), (await server.Http.GetAsync(modelPath).OkJson()).ToJsonString());
            Assert.Equal(filesBefore, TestFiles.Tree(FilesFolder));
            Assert.Equal(dataBefore, DataFolderEntries());

            var uploaded = await server.Http.UploadAsync(versionPath + "/upload", ModelTestApi.Onnx, "model.onnx");
            Assert.True((bool)uploaded["has_onnx_model"]);
            Assert.True((bool)uploaded["has_labels_file"]);
            server.Kill();
        }
        AssertIntegrity();
    }

    /// <summary>
    /// Killed while the server extracts the images (the import cannot have committed), or once they are all extracted
    /// and the one transaction is being written (it may have committed by the time the kill lands): after a restart
    /// the version holds none of the import, or all of it with every image in place; never a part.
    /// </summary>
    [Theory]
    [InlineData(KillPoint.WhileExtracting)]
    [InlineData(KillPoint.WhileWriting)]
    public async Task A_kill_during_a_dataset_import_leaves_none_of_it_or_all_of_it(KillPoint killPoint)
    {
        const int entries = 3000;
        string versionPath;
        string[] before;
        List<string> filesBefore;
        var zip = ImportZip(entries);
        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            var api = new DatasetTestApi(server.Http);
            var dataset = await api.CreateDatasetAsync();
            versionPath = VersionPath(dataset);
            var kept = await api.OkAsync(api.PostAsync(versionPath + "/items", new { name = "kept" }));
            await api.OkAsync(api.UploadAsync($"{versionPath}/items/{kept["id"]}/upload", Image()));
            before = await VersionStateAsync(api, versionPath);
            filesBefore = TestFiles.Tree(FilesFolder);

            var import = server.Http.PostAsync(versionPath + "/upload/folders", ModelTestApi.File(zip, "big.zip", "application/zip"));
            // The zip arrives as one temp file; each image is then extracted next to it before anything is written,
            // and leaves tmp/ when it is moved into place (a count going down: the writing has begun).
            var extracted = killPoint == KillPoint.WhileExtracting ? 20 : entries;
            var most = 0;
            await WaitUntilAsync(() =>
            {
                var count = TempFiles().Count;
                most = Math.Max(most, count);
                return count > extracted || (killPoint == KillPoint.WhileWriting && most > entries / 2 && count < most) || import.IsCompleted;
            }, "the import to reach the kill point");
            server.Kill();
            Assert.True(await Record.ExceptionAsync(() => import) is not null, "the import finished before the kill; make the zip bigger");
        }
        AssertIntegrity();

        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            var api = new DatasetTestApi(server.Http);
            Assert.Empty(TempFiles());
            var items = await AllItemNamesAsync(api, versionPath + "/items");
            output.WriteLine($"Killed {killPoint}: the version holds {items.Count} items after the restart.");
            if (killPoint == KillPoint.WhileExtracting || items.Count == 1)
            {
                Assert.Equal(before, await VersionStateAsync(api, versionPath));
                Assert.Equal(filesBefore, TestFiles.Tree(FilesFolder));
            }
            else
            {
                Assert.Equal(entries + 1, items.Count);
                var added = TestFiles.Tree(FilesFolder).Except(filesBefore).ToList();
                Assert.Equal(entries, added.Count(f => f.EndsWith(".png", StringComparison.Ordinal)));
                Assert.Empty(filesBefore.Except(TestFiles.Tree(FilesFolder)));
            }

            // the server goes on importing
            var (status, body) = await api.UploadAsync(versionPath + "/upload/folders", ImportZip(entries: 3), "small.zip", "application/zip");
            Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
            Assert.Equal(items.Count + 3, (await AllItemNamesAsync(api, versionPath + "/items")).Count);
            server.Kill();
        }
        AssertIntegrity();
    }

    public enum KillPoint { WhileExtracting, WhileWriting }

    [Fact]
    public async Task Every_item_create_acknowledged_to_eight_concurrent_writers_survives_a_kill()
    {
        string itemsPath;
        var acknowledged = new ConcurrentBag<string>();
        var attempted = 0;
        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            var api = new DatasetTestApi(server.Http);
            itemsPath = VersionPath(await api.CreateDatasetAsync()) + "/items";
            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var name = $"w{writer}-{i}";
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        using var reply = await server.Http.PostAsync(itemsPath, new StringContent(Json(new { name }), Encoding.UTF8, "application/json"));
                        if (reply.StatusCode != HttpStatusCode.OK) return;
                        acknowledged.Add(name);
                    }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();
            await WaitUntilAsync(() => acknowledged.Count >= 400, "400 acknowledged writes");
            server.Kill();
            await Task.WhenAll(writers);
        }
        AssertIntegrity();

        using (var server = await ServerProcess.StartAsync(Data, _apiKey))
        {
            var stored = await AllItemNamesAsync(new DatasetTestApi(server.Http), itemsPath);
            Assert.Empty(acknowledged.Except(stored));
            Assert.InRange(stored.Count, acknowledged.Count, attempted);
            Assert.Equal(stored.Count, stored.Distinct().Count());
            server.Kill();
        }
        AssertIntegrity();
    }

    [Fact]
    public async Task A_move_that_a_kill_cut_off_after_its_change_committed_is_finished_at_the_next_start()
    {
        using (var server = await ServerProcess.StartAsync(Data, _apiKey)) server.Kill();
        var temp = Path.Combine(Data, "tmp", "committed.part");
        var final = Path.Combine(FilesFolder, "models", "m1", "versions", "v1", "model.onnx");
        File.WriteAllBytes(temp, ModelTestApi.Onnx);
        File.WriteAllBytes(Path.Combine(Data, "tmp", "uncommitted.part"), [1, 2, 3]);
        Sql("INSERT INTO moves (temp, final) VALUES ($temp, $final)", ("$temp", temp), ("$final", final));

        using (var server = await ServerProcess.StartAsync(Data, _apiKey)) server.Kill();

        Assert.Equal(ModelTestApi.Onnx, File.ReadAllBytes(final));
        Assert.Empty(TempFiles());
        Assert.Equal(0L, Sql("SELECT COUNT(*) FROM moves"));
    }

    private string FilesFolder => Path.Combine(Data, "files");

    /// <summary>The data folder's own entries (files/, tmp/, the database and its journal files).</summary>
    private List<string> DataFolderEntries() =>
        Directory.EnumerateFileSystemEntries(Data).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

    private List<string> TempFiles() =>
        Directory.Exists(Path.Combine(Data, "tmp")) ? Directory.GetFiles(Path.Combine(Data, "tmp"), "*", SearchOption.AllDirectories).ToList() : [];

    /// <summary>What an import must leave alone: the version, its splits, labels and items (with their annotations).</summary>
    private static async Task<string[]> VersionStateAsync(DatasetTestApi api, string versionPath) =>
    [
        (await api.OkAsync(api.GetAsync(versionPath))).ToJsonString(),
        (await api.OkAsync(api.GetAsync(versionPath + "/splits"))).ToJsonString(),
        (await api.OkAsync(api.GetAsync(versionPath + "/labels"))).ToJsonString(),
        (await api.OkAsync(api.GetAsync(versionPath + "/items?pageSize=1000"))).ToJsonString(),
    ];

    private static async Task<List<string>> AllItemNamesAsync(DatasetTestApi api, string itemsPath)
    {
        var names = new List<string>();
        for (var page = 0; ; page++)
        {
            var items = (await api.OkAsync(api.GetAsync($"{itemsPath}?pageSize=500&pageCount={page}"))).AsArray();
            names.AddRange(items.Select(i => (string)i!["name"]));
            if (items.Count < 500) return names;
        }
    }

    /// <summary>A folders-layout zip: train/cat/img-N.png, each a real (tiny) PNG.</summary>
    private static byte[] ImportZip(int entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                using var entry = archive.CreateEntry($"train/cat/img-{i}.png", CompressionLevel.NoCompression).Open();
                entry.Write(ModelTestApi.Png);
            }
        }
        return buffer.ToArray();
    }

    private void AssertIntegrity() => Assert.Equal("ok", Sql("PRAGMA integrity_check"));

    private object Sql(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "seeme.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 60 s for {what}.");
            await Task.Delay(2);
        }
    }

    /// <summary>The built server in a process of its own, on a data folder that outlives it.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private const string Username = "crash";
        private readonly LocalServerProcess _process;

        private ServerProcess(LocalServerProcess process, string apiKey)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = process.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
            Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{Username}:{apiKey}");
        }

        public HttpClient Http { get; }

        public static async Task<ServerProcess> StartAsync(string data, string apiKey)
        {
            var dll = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Server.dll");
            var environment = new Dictionary<string, string> { ["SEEME_LOCAL_USERNAME"] = Username, ["SEEME_LOCAL_APIKEY"] = apiKey };
            var process = await LocalServerProcess.StartAsync(dll, ["--data", data, "--quiet"], 0, environment, TimeSpan.FromSeconds(60), CancellationToken.None);
            return new ServerProcess(process, apiKey);
        }

        /// <summary>SIGKILL to the server and its children: no shutdown code runs.</summary>
        public void Kill()
        {
            _process.Process.Kill(entireProcessTree: true);
            _process.Process.WaitForExit();
        }

        public void Dispose()
        {
            Http.Dispose();
            _process.Dispose();
        }
    }

    /// <summary>
    /// A request body of <c>total</c> bytes: the first <c>fastPart</c> at full speed, then 64 KiB every 20 ms, so a
    /// kill lands while the transfer is running.
    /// </summary>
    private sealed class SlowBody(long total, long fastPart) : HttpContent
    {
        private readonly TaskCompletionSource _fastPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FastPartSent => _fastPartSent.Task;
        public bool Finished { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
        {
            var chunk = new byte[64 * 1024];
            ModelTestApi.Onnx.CopyTo(chunk, 0);
            for (long sent = 0; sent < total; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
                if (sent >= fastPart)
                {
                    _fastPartSent.TrySetResult();
                    await stream.FlushAsync();
                    await Task.Delay(20);
                }
            }
            Finished = true;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = total;
            return true;
        }
    }
}
