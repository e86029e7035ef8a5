using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SeeMe.Core;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.Core;

/// <summary>
/// Retries, timeouts and "nothing lost, nothing doubled", through a <see cref="FaultProxy"/> of real sockets in
/// front of the real local server. Waits are kept short (Retry-After capped at 50 ms) so the class runs fast; what
/// the tests wait for is an event (a retry reported, a call ending), never a fixed time.
/// </summary>
public sealed class FaultToleranceTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable, IAsyncLifetime
{
    private readonly TestFiles _files = new();
    private readonly FaultProxies _proxies = new(server.BaseUri);
    private readonly ConcurrentQueue<HttpTraceEvent> _trace = new();
    private readonly TaskCompletionSource _firstRetry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long something that takes milliseconds may take before a test gives up: far beyond what load does.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>How early a timer may fire by the Stopwatch's clock (a tick of the coarse system clock on Windows).</summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The inactivity timeout of a test whose healthy transfers must never hit it: far beyond any pause between two reads
    /// of a moving transfer, however loaded the machine (a starved thread pool stalled one for over 1.5 s).
    /// </summary>
    private static readonly TimeSpan NeverHitByAHealthyTransfer = TimeSpan.FromSeconds(10);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _proxies.DisposeAsync();

    public void Dispose() => _files.Dispose();

    private FaultProxy Proxy(Func<ProxiedRequest, Fault> decide) => _proxies.Open(decide);

    /// <summary>A seed-user client through <paramref name="proxy"/> with fast retries, tracing into <see cref="_trace"/>.</summary>
    private SeeMeClient Through(FaultProxy proxy, Action<SeeMeConnectionOptions> tweak = null) => Through(proxy.BaseUri, tweak);

    private SeeMeClient Through(Uri baseUri, Action<SeeMeConnectionOptions> tweak = null)
    {
        var options = new SeeMeConnectionOptions
        {
            MaximumRetryCount = 3,
            RetryInterval = TimeSpan.FromMilliseconds(10),
            MaximumRetryDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(10),
            Trace = Record,
        };
        tweak?.Invoke(options);
        var client = new SeeMeClient(baseUri, options);
        client.UseApiKey(server.Username, server.ApiKey);
        return client;
    }

    private void Record(HttpTraceEvent e)
    {
        _trace.Enqueue(e);
        if (e.Kind == HttpTraceKind.Retry) _firstRetry.TrySetResult();
    }

    private List<HttpTraceEvent> Retries => _trace.Where(e => e.Kind == HttpTraceKind.Retry).ToList();

    private async Task<int> ModelsNamedAsync(string name)
    {
        using var direct = server.SeedUser();
        return (await direct.Models.GetAllAsync()).Count(m => m.Name == name);
    }

    [Theory]
    [InlineData(Fault.ServiceUnavailable, 503)]
    [InlineData(Fault.TooManyRequests, 429)]
    [InlineData(Fault.BadGateway, 502)]
    [InlineData(Fault.ResetAfterProcessing, 0)]
    [InlineData(Fault.ResetMidResponse, 0)]
    [InlineData(Fault.CloseAfterHeaders, 0)]
    public async Task A_read_is_retried_after_each_transient_fault_and_the_retry_is_reported(Fault fault, int status)
    {
        var proxy = Proxy(FaultProxy.First(fault));
        using var client = Through(proxy);

        var applications = await client.Applications.GetAllAsync();

        Assert.NotEmpty(applications);
        Assert.Equal([fault, Fault.None], proxy.Requests.Select(r => r.Fault));
        var retry = Assert.Single(Retries);
        Assert.Equal(("GET", "applications", status, 1, 4), (retry.Method, retry.Path, retry.StatusCode, retry.Attempt, retry.MaximumAttempts));
        Assert.Contains("retrying in", retry.ToString());
    }

    [Theory]
    [InlineData(Fault.ServiceUnavailable)]
    [InlineData(Fault.TooManyRequests)]
    public async Task A_create_answered_429_or_503_is_retried_and_made_once(Fault fault)
    {
        var proxy = Proxy(FaultProxy.First(fault));
        using var client = Through(proxy);
        var name = CoreClients.Unique("busy");

        await client.Models.CreateAsync(new Model { Name = name });

        Assert.Equal(2, proxy.Requests.Count);
        Assert.Equal(1, await ModelsNamedAsync(name));
    }

    [Theory]
    [InlineData(Fault.ResetAfterProcessing)]
    [InlineData(Fault.ResetMidResponse)]
    [InlineData(Fault.CloseAfterHeaders)]
    [InlineData(Fault.BadGateway)]
    public async Task A_create_is_not_repeated_once_the_service_may_have_acted_so_nothing_is_made_twice(Fault fault)
    {
        var proxy = Proxy(FaultProxy.Always(fault));
        using var client = Through(proxy);
        var name = CoreClients.Unique("once");

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.CreateAsync(new Model { Name = name }));

        Assert.Equal(1, e.Attempts);
        Assert.Single(proxy.Requests);
        Assert.Empty(Retries);
        // A reset after the server processed the create: it exists once; a gateway's 502 never reached the server.
        Assert.Equal(fault == Fault.BadGateway ? 0 : 1, await ModelsNamedAsync(name));
    }

    [Fact]
    public async Task A_create_whose_connection_was_refused_is_retried_once_the_service_is_up_and_made_once()
    {
        var port = FreePort();
        // Nothing listens on the port until the first attempt has been refused; the retry is reported before its
        // wait starts, so the service is up before the second attempt.
        using var client = Through(new UriBuilder(server.BaseUri) { Port = port }.Uri,
            o => o.Trace += e => { if (e.Kind == HttpTraceKind.Retry) _proxies.Open(FaultProxy.Always(Fault.None), port); });
        var name = CoreClients.Unique("refused");

        await client.Models.CreateAsync(new Model { Name = name });

        var retry = Assert.Single(Retries);
        Assert.Equal("connection refused", retry.Outcome);
        Assert.Equal(1, await ModelsNamedAsync(name));
    }

    [Fact]
    public async Task A_full_update_is_retried_after_a_reset_that_followed_its_processing()
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("put") });
        var proxy = Proxy(FaultProxy.First(Fault.ResetAfterProcessing));
        using var client = Through(proxy);
        model.Description = "changed twice, same result";

        var updated = await client.Models.UpdateAsync(model);

        Assert.Equal("changed twice, same result", updated.Description);
        Assert.Equal(["PUT", "PUT"], proxy.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_is_retried_and_a_404_then_says_the_first_attempt_may_have_deleted_it()
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("delete") });
        var proxy = Proxy(FaultProxy.First(Fault.ResetAfterProcessing));
        using var client = Through(proxy);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.DeleteAsync(model.Id));

        Assert.Equal((404, 2), (e.StatusCode, e.Attempts));
        Assert.Contains("may have deleted it", e.Message);
        Assert.Equal(0, await ModelsNamedAsync(model.Name));
    }

    [Fact]
    public async Task An_upload_that_replaces_a_file_is_retried_after_a_reset_mid_request_and_reopens_its_file()
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("upload") });
        var content = RandomBytes(3 << 20);
        var file = _files.Bytes("upload/export.pkl", content);
        var proxy = Proxy(FaultProxy.First(Fault.ResetMidRequest, Fault.ResetAfterProcessing));
        using var client = Through(proxy);
        var progress = new List<TransferProgress>();

        await client.Models.UploadFileAsync(model.Id, file, new SyncProgress<TransferProgress>(progress.Add));

        Assert.Equal(3, proxy.Requests.Count);
        Assert.Equal(2, progress.Zip(progress.Skip(1)).Count(p => p.Second.BytesTransferred < p.First.BytesTransferred)); // each attempt read the file from its start
        var saved = await direct.Models.DownloadAssetAsync(await direct.Models.GetAsync(model.Id), ModelAssetType.Pkl, _files.PathOf("upload-back"));
        Assert.Equal(content, File.ReadAllBytes(saved.FullName));
    }

    [Theory]
    [InlineData(Fault.ResetMidResponse)]
    [InlineData(Fault.StallMidResponse)]
    [InlineData(Fault.CloseAfterHeaders)]
    public async Task A_download_that_breaks_in_the_middle_restarts_and_leaves_one_whole_file(Fault fault)
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("download") });
        var content = RandomBytes(2 << 20);
        await direct.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("dl") + "/export.pkl", content));
        model = await direct.Models.GetAsync(model.Id);
        var proxy = Proxy(FaultProxy.First(fault));
        using var client = Through(proxy, o => o.Timeout = NeverHitByAHealthyTransfer); // a stall ends the attempt; a healthy one never pauses that long
        var folder = _files.PathOf(CoreClients.Unique("downloads"));

        var saved = await client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, folder);

        Assert.Equal(content, File.ReadAllBytes(saved.FullName));
        Assert.Equal([saved.Name], Directory.GetFiles(folder).Select(Path.GetFileName)); // no .partial left behind
        Assert.Equal(2, proxy.Requests.Count);
        Assert.Equal("*/*", proxy.Requests[1].Header("Accept"));
    }

    [Fact]
    public async Task A_hung_service_fails_the_call_within_the_inactivity_timeout_with_a_clear_error()
    {
        var proxy = Proxy(FaultProxy.Always(Fault.Hang));
        using var client = Through(proxy, o => { o.Timeout = TimeSpan.FromMilliseconds(700); o.MaximumRetryCount = 0; });
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync().WaitAsync(Generous));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700) - TimerSlack, $"gave up after {watch.Elapsed}"); // it waited the timeout asked for
        Assert.Equal(0, e.StatusCode);
        Assert.Contains("No bytes moved for 0.7 s", e.Message);
        Assert.True(e.IsTimeout);
    }

    [Fact]
    public async Task A_slow_download_that_keeps_moving_outlives_the_inactivity_timeout()
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("slow") });
        var content = RandomBytes(4 << 20); // 256 pieces of 16 KiB, 50 ms apart: over 12.7 s in all, longer than the timeout
        await direct.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("slow") + "/export.pkl", content));
        model = await direct.Models.GetAsync(model.Id);
        var proxy = Proxy(FaultProxy.Always(Fault.Slow));
        var timeout = NeverHitByAHealthyTransfer;
        using var client = Through(proxy, o => { o.Timeout = timeout; o.MaximumRetryCount = 0; });
        var watch = Stopwatch.StartNew();

        var saved = await client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, _files.PathOf(CoreClients.Unique("slow")));

        Assert.True(watch.Elapsed > timeout, $"took only {watch.Elapsed}");
        Assert.Equal(content, File.ReadAllBytes(saved.FullName));
    }

    [Fact]
    public async Task After_the_last_attempt_the_error_says_how_many_were_made()
    {
        var proxy = Proxy(FaultProxy.Always(Fault.ServiceUnavailable));
        using var client = Through(proxy, o => o.MaximumRetryCount = 2);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync());

        Assert.Equal((503, 3), (e.StatusCode, e.Attempts));
        Assert.Contains("after 3 attempts", e.Message);
        Assert.Equal(3, proxy.Requests.Count);
        Assert.Equal([1, 2], Retries.Select(r => r.Attempt));
    }

    [Fact]
    public async Task Retry_After_is_honoured_up_to_the_cap()
    {
        var proxy = Proxy(FaultProxy.First(Fault.TooManyRequests, Fault.TooManyRequests));
        proxy.RetryAfter = "1";
        using var client = Through(proxy, o => o.MaximumRetryDelay = TimeSpan.FromSeconds(0.6));
        var watch = Stopwatch.StartNew();

        await client.Applications.GetAllAsync();

        Assert.Equal([TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(0.6)], Retries.Select(r => r.Wait));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.2) - 2 * TimerSlack, $"took only {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_during_the_back_off_ends_the_wait_at_once()
    {
        var proxy = Proxy(FaultProxy.Always(Fault.ServiceUnavailable));
        proxy.RetryAfter = "120";
        using var client = Through(proxy, o => o.MaximumRetryDelay = TimeSpan.FromSeconds(120));
        using var cancel = new CancellationTokenSource();

        var call = client.Models.GetAllAsync(cancel.Token);
        await _firstRetry.Task.WaitAsync(Generous);
        cancel.Cancel();

        // Ends long before the 120 s wait would have (WaitAsync's TimeoutException is not a cancellation).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Generous));
        Assert.Single(proxy.Requests);
    }

    [Fact]
    public async Task A_hundred_concurrent_predictions_through_a_failing_proxy_all_arrive_once()
    {
        using var direct = server.SeedUser();
        var model = await direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("hundred"), ApplicationType = "image_classification" });
        await direct.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("h") + "/model.onnx", ColourClassifier()));
        await direct.Models.UploadFileAsync(model.Id, _files.Bytes(CoreClients.Unique("h") + "/labels.txt", LabelsFile(Colours)));
        var photos = Enumerable.Range(1, 100).Select(i => _files.Bytes($"hundred/photo{i:000}.png", RedPng())).ToList();
        // The scenario, keyed by the photo rather than by arrival: photo n meets a 503 if 7 divides n, a 429
        // (Retry-After: 1, capped here) if 13 does, a reset before answering if 11 does. 77 and 91 meet two faults,
        // which two retries just cover.
        var schedule = photos.Select((photo, i) => (Name: Path.GetFileName(photo), Faults: FaultProxy.EverySeventhThirteenthAndEleventh(i + 1)))
            .ToDictionary(p => p.Name, p => p.Faults);
        var proxy = Proxy(FaultProxy.PerUploadedFile(schedule));
        using var client = Through(proxy, o => o.MaximumRetryCount = 2);
        using var inFlight = new SemaphoreSlim(8);

        var predictions = await Task.WhenAll(photos.Select(async photo =>
        {
            await inFlight.WaitAsync();
            try { return await client.Predictions.PredictFileAsync(model.Id, null, photo); }
            finally { inFlight.Release(); }
        }));

        Assert.All(predictions, p => Assert.Equal("red", p.Label));
        var faultCount = schedule.Values.Sum(f => f.Length);
        Assert.Equal((14, 7, 9), (Count(schedule, Fault.ServiceUnavailable), Count(schedule, Fault.TooManyRequests), Count(schedule, Fault.ResetBeforeForwarding)));
        Assert.Equal(100 + faultCount, proxy.Requests.Count);
        foreach (var (name, faults) in schedule) // each photo: its faults in turn, then one attempt that went through
            Assert.Equal([.. faults, Fault.None], proxy.Requests.Where(r => r.FileName == name).OrderBy(r => r.Attempt).Select(r => r.Fault));
        Assert.Equal(faultCount, Retries.Count);
        var history = await direct.Models.GetPredictionsPageAsync(model.Id, 0, new SeeMe.Core.Clients.PredictionQuery { PageSize = 500 });
        Assert.Equal(schedule.Keys.Order(), history.Select(p => p.Name).Order());
    }

    private static int Count(Dictionary<string, Fault[]> schedule, Fault fault) => schedule.Values.Sum(f => f.Count(x => x == fault));

    [Fact]
    public async Task Every_request_names_the_client_and_no_trace_line_holds_the_key()
    {
        var proxy = Proxy(FaultProxy.First(Fault.ServiceUnavailable));
        using var client = Through(proxy);

        await client.Models.GetAllAsync();

        Assert.All(proxy.Requests, r => Assert.StartsWith("SeeMe.Core/", r.Header("User-Agent")));
        Assert.All(proxy.Requests, r => Assert.Equal($"{server.Username}:{server.ApiKey}", r.Header("Authorization")));
        Assert.Equal(["GET models -> 503 (ServiceUnavailable)", "GET models -> 200 (OK)"],
            _trace.Where(e => e.Kind == HttpTraceKind.Attempt).Select(e => e.ToString()[..e.ToString().LastIndexOf(" in ", StringComparison.Ordinal)]));
        Assert.DoesNotContain(_trace, e => e.ToString().Contains(server.ApiKey));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
