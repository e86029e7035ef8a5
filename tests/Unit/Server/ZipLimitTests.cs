using System.Diagnostics;
using System.Net;
using SeeMe.Server;
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
/// the server answers the next request.
/// </summary>
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

        var (message, peakTmp, created, _) = await RefusedAsync(bomb, "folders");

        Assert.Equal(1, created); // the upload itself: the entry was refused before a byte of it was written
        Assert.Contains("train/bomb.png", message);
        Assert.Contains("at most 8 MiB", message);
        Assert.Contains("--max-zip-entry-mb", message);
        Assert.Contains("Nothing was imported", message);
        Assert.True(peakTmp <= bomb.Length + 1 * MiB, $"tmp/ held {peakTmp:N0} bytes");
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

        var (message, peakTmp, _, _) = await RefusedAsync(bomb, "folders");

        Assert.Contains("train/bomb.png", message);
        Assert.True(peakTmp <= bomb.Length + 1 * MiB, $"tmp/ held {peakTmp:N0} bytes");
    }

    [Fact]
    public async Task A_text_entry_under_the_entry_limit_that_inflates_too_much_is_refused_by_its_ratio()
    {
        var bomb = ZipBomb.Zeros("train/zeros.txt", 4);
        Assert.Equal(new byte[4 * MiB], ZipFormatTests.Tree(bomb)["train/zeros.txt"]); // the bombs are real zips
        var (message, _, _, _) = await RefusedAsync(bomb, "folders");
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

        var (message, _, _, _) = await RefusedAsync(zip, "folders");
        Assert.Contains("--max-zip-total-mb", message);
        Assert.Contains("12 MiB", message);
    }

    [Fact]
    public async Task Text_files_each_under_the_entry_limit_are_refused_past_the_text_limit()
    {
        var random = new Random(9);
        var files = Enumerable.Range(0, 2).ToDictionary(i => $"train/review{i}.txt", _ => TwoSymbolNoise(random, (int)(5 * MiB)));

        var (message, _, _, _) = await RefusedAsync(ZipFormatTests.Zip(files), "folders");

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
    /// imported, tmp/ is left as it was, and the server still imports a good zip at once. Returns
    /// the message, the most tmp/ held while the request ran, how many files were created in it, and
    /// the bytes this process allocated meanwhile.
    /// </summary>
    private async Task<(string Message, long PeakTmpBytes, int CreatedFiles, long AllocatedBytes)> RefusedAsync(byte[] zip, string format)
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var tmp = Path.Combine(_server.DataDirectory, "tmp");
        var before = Directory.GetFiles(tmp);

        string message;
        long peak, allocated;
        var created = 0;
        using (var creations = new FileSystemWatcher(tmp) { EnableRaisingEvents = true })
        using (var watcher = new FolderSizeWatcher(tmp))
        {
            creations.Created += (_, _) => Interlocked.Increment(ref created);
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            message = await FailsAsync(HttpStatusCode.BadRequest, _api.UploadAsync($"{path}/upload/{format}", zip, "bomb.zip", "application/zip"));
            allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            peak = watcher.Peak;
            await Task.Delay(200); // let the watcher deliver its events
        }

        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.Empty(Directory.GetFiles(tmp).Except(before));
        var watch = Stopwatch.StartNew();
        var good = ZipFormatTests.Zip(new() { ["train/cat/good.png"] = Image() });
        await _api.OkAsync(_api.UploadAsync(path + "/upload/folders", good, "good.zip", "application/zip"));
        Assert.Single((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the next import took {watch.Elapsed}");
        return (message, peak, Volatile.Read(ref created), allocated);
    }

    /// <summary>Bytes that are 'a' or 'b' at random: deflate gets them only about 7 times smaller, under any ratio limit.</summary>
    private static byte[] TwoSymbolNoise(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)('a' + (bytes[i] & 1));
        return bytes;
    }

    /// <summary>Samples the total size of the files in a folder every few milliseconds; <see cref="Peak"/> is the most seen.</summary>
    private sealed class FolderSizeWatcher : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public FolderSizeWatcher(string folder) => _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => { try { return f.Length; } catch (IOException) { return 0; } });
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), size));
                await Task.Delay(2);
            }
        });

        public long Peak
        {
            get
            {
                _stop.Cancel();
                _sampling.Wait();
                return Interlocked.Read(ref _peak);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            try { _sampling.Wait(); } catch (AggregateException) { }
            _stop.Dispose();
        }
    }
}
