using System.Collections.Concurrent;
using System.Net;
using SeeMe.Server;
using SeeMe.Server.Domain;
using SeeMe.Server.Zip;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

/// <summary>A server with small zip limits: 8 MiB uploads (so 8 MiB per entry and text), 12 MiB inflated per import.</summary>
public sealed class SmallZipServerFixture : IAsyncLifetime
{
    public const long MiB = 1024 * 1024;
    public LocalServerFixture Server { get; } = new() { MaxUploadBytes = 8 * MiB, MaxZipTotalBytes = 12 * MiB };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Hostile dataset zips (issue 8, item 7) sent to a real server: zip bombs that would fill the disk
/// or the memory, lying headers, and a zip of 100k label folders. Each gets a 400 that says what is
/// wrong, the data folder's tmp/ never holds more than the limits allow, nothing is imported, and
/// the server answers the next request. Runs alone (not in parallel with other classes) because it
/// measures the process's allocations.
/// </summary>
[Collection(HostileRequestCollection.Name)]
public sealed class ZipLimitTests(SmallZipServerFixture fixture) : IClassFixture<SmallZipServerFixture>
{
    private const long MiB = SmallZipServerFixture.MiB;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly LocalServerFixture _server = fixture.Server;
    private readonly DatasetTestApi _api = new(fixture.Server.RawClient());

    [Fact]
    public async Task A_png_zip_bomb_is_refused_before_anything_is_written()
    {
        var bomb = ZipBomb.Zeros("train/bomb.png", 1024, PngSignature);
        Assert.True(bomb.Length < 2 * MiB, $"the bomb is {bomb.Length:N0} bytes");

        var (message, created, _) = await RefusedAsync(bomb, "folders");

        // Only the upload itself: the entry was refused before a file was made for it, so tmp/ never held more than the zip.
        Assert.Single(created);
        Assert.Contains("train/bomb.png", message);
        Assert.Contains("at most 8 MiB", message);
        Assert.Contains("--max-zip-entry-mb", message);
        Assert.Contains("Nothing was imported", message);
    }

    public static TheoryData<string, string> TextBombs => new()
    {
        { "folders", "train/bomb.txt" },
        { "csv", "bomb.csv" },
        { "yolo", "x.names" },
        { "yolo", "train.txt" },
    };

    [Theory]
    [MemberData(nameof(TextBombs))]
    public async Task A_text_zip_bomb_is_refused_without_reading_it_into_memory(string format, string entry)
    {
        var bomb = ZipBomb.Zeros(entry, 1024);

        var refusal = await RefusedAsync(bomb, format);

        Assert.Contains(entry, refusal.Message);
        // Reading 1 GiB of text into memory allocates several GiB (in this process, which hosts the server);
        // the refusal allocates next to nothing.
        Assert.True(refusal.AllocatedBytes < 1024 * MiB, $"allocated {refusal.AllocatedBytes:N0} bytes");
    }

    [Fact]
    public async Task A_bomb_whose_headers_declare_a_small_size_is_still_refused_within_the_limit()
    {
        var bomb = ZipBomb.Zeros("train/bomb.png", 1024, PngSignature, declaredSize: 1000);

        var (message, created, _) = await RefusedAsync(bomb, "folders");

        Assert.Contains("train/bomb.png", message);
        // Besides the upload, tmp/ held the one file made for the entry, and the server's zip reader inflates no
        // more of an entry than its header declares (1,000 bytes here), however much more the zip holds.
        Assert.Equal(2, created.Count);
        Assert.InRange(BytesInflated(bomb), 0, 1000);
    }

    [Fact]
    public async Task A_text_entry_under_the_entry_limit_that_inflates_too_much_is_refused_by_its_ratio()
    {
        var bomb = ZipBomb.Zeros("train/zeros.txt", 4);
        Assert.Equal(new byte[4 * MiB], ZipFormatTests.Tree(bomb)["train/zeros.txt"]); // the bombs are real zips
        var (message, _, _) = await RefusedAsync(bomb, "folders");
        Assert.Contains("train/zeros.txt", message);
        Assert.Contains("--max-zip-ratio", message);
    }

    [Fact]
    public async Task Entries_each_under_the_limits_that_inflate_past_the_total_are_refused()
    {
        var random = new Random(8);
        var files = Enumerable.Range(0, 2).ToDictionary(i => $"train/noise{i}.txt", _ => TwoSymbolNoise(random, (int)(7 * MiB)));
        var zip = ZipFormatTests.Zip(files);
        Assert.True(zip.Length < 8 * MiB, $"the zip is {zip.Length:N0} bytes");

        var (message, _, _) = await RefusedAsync(zip, "folders");
        Assert.Contains("--max-zip-total-mb", message);
        Assert.Contains("12 MiB", message);
    }

    [Fact]
    public async Task Text_files_each_under_the_entry_limit_are_refused_past_the_text_limit()
    {
        var random = new Random(9);
        var files = Enumerable.Range(0, 2).ToDictionary(i => $"train/review{i}.txt", _ => TwoSymbolNoise(random, (int)(5 * MiB)));

        var (message, _, _) = await RefusedAsync(ZipFormatTests.Zip(files), "folders");

        Assert.Contains("train/review1.txt", message);
        Assert.Contains("--max-zip-text-mb", message);
    }

    [Fact]
    public void The_limits_follow_the_upload_limit_unless_set()
    {
        var derived = ZipLimits.From(ServerOptions.FromArgs(["--max-upload-mb", "100"]));
        Assert.Equal(new ZipLimits(100 * MiB, 400 * MiB, 100, 100 * MiB), derived);
        Assert.Equal(256 * MiB, ZipLimits.From(new ServerOptions()).MaxTextBytes);

        var set = ZipLimits.From(ServerOptions.FromArgs(["--max-zip-entry-mb", "3", "--max-zip-total-mb", "5", "--max-zip-ratio", "20", "--max-zip-text-mb", "2"]));
        Assert.Equal(new ZipLimits(3 * MiB, 5 * MiB, 20, 2 * MiB), set);
    }

    /// <summary>
    /// Imports the zip into a fresh version and asserts a 400 with a message; also that nothing was
    /// imported, tmp/ is left as it was, and the server still imports a good zip. Returns the message,
    /// the files created in tmp/ while the request ran, and the bytes this process allocated meanwhile.
    /// </summary>
    private async Task<(string Message, IReadOnlyList<string> CreatedFiles, long AllocatedBytes)> RefusedAsync(byte[] zip, string format)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var tmp = Path.Combine(_server.DataDirectory, "tmp");
        var before = Directory.GetFiles(tmp);

        string message;
        long allocated;
        IReadOnlyList<string> created;
        using (var creations = new CreationWatcher(tmp))
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            message = await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"{path}/upload/{format}", zip, "bomb.zip", "application/zip"));
            allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            created = await creations.CreatedSoFarAsync();
        }

        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.Empty(Directory.GetFiles(tmp).Except(before));
        var good = ZipFormatTests.Zip(new() { ["train/cat/good.png"] = Image() });
        await _api.OkAsync(_api.UploadAsync(path + "/upload/folders", good, "good.zip", "application/zip"));
        Assert.Single((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        return (message, created, allocated);
    }

    /// <summary>How many bytes the server's zip reader gives of the zip's one file before the file ends or is refused.</summary>
    private static long BytesInflated(byte[] zip)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, zip);
            using var archive = SafeZip.Open(path, ZipLimits.From(ServerOptions.FromArgs(["--max-upload-mb", "8", "--max-zip-total-mb", "12"])));
            using var entry = archive.Files.Single().Open();
            var buffer = new byte[81920];
            long total = 0;
            try
            {
                int read;
                while ((read = entry.Read(buffer)) > 0) total += read;
            }
            catch (DomainException) { } // refused past a limit: the bytes read before are all an import writes
            return total;
        }
        finally { File.Delete(path); }
    }

    /// <summary>Bytes that are 'a' or 'b' at random: deflate gets them only about 7 times smaller, under any ratio limit.</summary>
    private static byte[] TwoSymbolNoise(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)('a' + (bytes[i] & 1));
        return bytes;
    }

    /// <summary>
    /// The files created in a folder, as its FileSystemWatcher reports them. The events come late but in order, so
    /// <see cref="CreatedSoFarAsync"/> creates a marker file and waits for its event: by then every earlier creation is counted.
    /// </summary>
    private sealed class CreationWatcher : IDisposable
    {
        private readonly FileSystemWatcher _watcher;
        private readonly ConcurrentQueue<string> _created = new();
        private readonly string _marker;
        private readonly TaskCompletionSource _markerSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CreationWatcher(string folder)
        {
            _marker = Path.Combine(folder, $"marker-{Guid.NewGuid():N}");
            _watcher = new FileSystemWatcher(folder);
            _watcher.Created += (_, e) =>
            {
                if (e.FullPath == _marker) _markerSeen.TrySetResult();
                else _created.Enqueue(e.Name);
            };
            _watcher.Error += (_, e) => _markerSeen.TrySetException(e.GetException()); // events lost: the count cannot be trusted
            _watcher.EnableRaisingEvents = true;
        }

        public async Task<IReadOnlyList<string>> CreatedSoFarAsync()
        {
            await File.WriteAllBytesAsync(_marker, []);
            try { await _markerSeen.Task.WaitAsync(TimeSpan.FromSeconds(30)); }
            finally { File.Delete(_marker); }
            return _created.ToArray();
        }

        public void Dispose() => _watcher.Dispose();
    }
}
