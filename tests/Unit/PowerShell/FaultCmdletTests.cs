using System.Diagnostics;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Infrastructure.KnownModels;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The user's view of faults: Connect-SeeMe's retry and timeout settings, piped predictions through a failing
/// proxy, Verbose lines for retries, Debug lines per request, Ctrl+C during a back-off, and no key anywhere.
/// </summary>
public sealed class FaultCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable, IAsyncLifetime
{
    private const string FastRetries = "-RetryIntervalSec 0.01 -MaximumRetryDelaySec 0.05";
    private readonly TestFiles _files = new();
    private readonly FaultProxies _proxies = new(server.BaseUri);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _proxies.DisposeAsync();

    public void Dispose() => _files.Dispose();

    private FaultProxy Proxy(Func<ProxiedRequest, Fault> decide) => _proxies.Open(decide);

    /// <summary>A host connected through <paramref name="proxy"/> with <paramref name="settings"/> (Connect-SeeMe parameters).</summary>
    private PowerShellHost ConnectedThrough(FaultProxy proxy, string settings)
    {
        var host = new PowerShellHost();
        var connected = host.Run($"Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] {settings}", proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));
        Assert.Empty(connected.Errors);
        return host;
    }

    [Fact]
    public void A_hundred_piped_predictions_through_a_proxy_failing_every_7th_13th_and_11th_photo_all_arrive_once()
    {
        using var direct = server.SeedUser();
        var model = direct.Models.CreateAsync(new Model { Name = CoreClients.Unique("piped"), ApplicationType = "image_classification" }).GetAwaiter().GetResult();
        direct.Models.UploadFileAsync(model.Id, _files.Bytes("model/model.onnx", ColourClassifier())).GetAwaiter().GetResult();
        direct.Models.UploadFileAsync(model.Id, _files.Bytes("model/labels.txt", LabelsFile(Colours))).GetAwaiter().GetResult();
        var photos = _files.PathOf("photos");
        for (var n = 1; n <= 100; n++) _files.Bytes($"photos/photo{n:000}.png", n % 2 == 0 ? RedPng() : BluePng());
        // Faults keyed by the photo, not by arrival order (eight are in flight at once): 77 and 91 meet two, which
        // two retries just cover.
        var schedule = Enumerable.Range(1, 100).ToDictionary(n => $"photo{n:000}.png", FaultProxy.EverySeventhThirteenthAndEleventh);
        var proxy = Proxy(FaultProxy.PerUploadedFile(schedule));
        using var ps = ConnectedThrough(proxy, FastRetries + " -MaximumRetryCount 2");

        var files = new DirectoryInfo(photos).GetFiles().OrderBy(f => f.Name).ToArray(); // what Get-ChildItem gives (this engine lacks it)
        var result = ps.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1] -ThrottleLimit 8 -Verbose", files, model.Id);

        Assert.Empty(result.Errors);
        var predictions = result.OfType<Prediction>();
        Assert.Equal(Enumerable.Range(1, 100).Select(n => n % 2 == 0 ? "red" : "blue"), predictions.Select(p => p.Label));
        var retries = result.Verbose.Select(v => v.Message).Where(m => m.Contains("retrying in")).ToList();
        Assert.Equal(schedule.Values.Sum(f => f.Length), retries.Count);
        Assert.Equal(14, retries.Count(m => m.Contains("503 (ServiceUnavailable) on attempt 1 of 3")));
        Assert.Equal(6, retries.Count(m => m.Contains("429 (TooManyRequests) on attempt 1 of 3")));
        Assert.Equal(1, retries.Count(m => m.Contains("429 (TooManyRequests) on attempt 2 of 3"))); // photo 91
        Assert.Contains(retries, m => m.Contains("connection reset")); // the other 9
        foreach (var (name, faults) in schedule)
            Assert.Equal([.. faults, Fault.None], proxy.Requests.Where(r => r.FileName == name).OrderBy(r => r.Attempt).Select(r => r.Fault));
        var history = direct.Models.GetPredictionsPageAsync(model.Id, 0, new PredictionQuery { PageSize = 500 }).GetAwaiter().GetResult();
        Assert.Equal(schedule.Keys.Order(), history.Select(p => p.Name).Order());
    }

    [Fact]
    public void Connect_keeps_the_retry_and_timeout_settings_in_the_session_and_names_module_and_PowerShell_on_every_request()
    {
        var proxy = Proxy(FaultProxy.Always(Fault.None));
        using var ps = new PowerShellHost();

        var result = ps.Run("Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] -MaximumRetryCount 7 -RetryIntervalSec 2 -TimeoutSec 30; $PSVersionTable.PSVersion.ToString()",
            proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));

        Assert.Empty(result.Errors);
        var session = Assert.Single(result.OfType<SeeMeSession>());
        Assert.Equal((7, 2.0, 30.0, 60.0), (session.MaximumRetryCount, session.RetryIntervalSec, session.TimeoutSec, session.MaximumRetryDelaySec));
        var psVersion = result.OfType<string>().Single();
        var moduleVersion = typeof(SeeMeSession).Assembly.GetName().Version!.ToString(3);
        Assert.All(proxy.Requests, r => Assert.Equal($"SeeMe.PowerShell/{moduleVersion} PowerShell/{psVersion}", r.Header("User-Agent")));
    }

    [Fact]
    public void Verbose_and_Debug_show_retries_and_requests_but_never_the_key()
    {
        var proxy = Proxy(FaultProxy.First(Fault.ServiceUnavailable));
        using var ps = new PowerShellHost();

        var result = ps.Run($"Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] {FastRetries} -Verbose -Debug; Get-SeeMeModel -Verbose -Debug",
            proxy.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Verbose, v => v.Message.StartsWith("GET applications: 503 (ServiceUnavailable) on attempt 1 of 4; retrying in", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.Message.StartsWith("GET applications -> 503 (ServiceUnavailable) in ", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.Message.StartsWith("GET models -> 200 (OK) in ", StringComparison.Ordinal));
        Assert.DoesNotContain(server.ApiKey, result.AllText());
        Assert.All(proxy.Requests, r => Assert.Contains(server.ApiKey, r.Header("Authorization"))); // it was sent, only never shown
    }

    [Fact]
    public void After_the_last_attempt_the_error_says_how_many_were_made()
    {
        var proxy = Proxy(FaultProxy.First(Fault.None)); // Connect's check goes through, then the service is busy
        using var ps = ConnectedThrough(proxy, FastRetries + " -MaximumRetryCount 2");
        proxy.Decide = FaultProxy.Always(Fault.ServiceUnavailable);

        var result = ps.Run("Get-SeeMeModel -Verbose");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ModelServerError,", error.FullyQualifiedErrorId);
        Assert.Contains("after 3 attempts", error.Exception.Message);
        Assert.Equal(2, result.Verbose.Count(v => v.Message.Contains("retrying in")));
    }

    [Fact]
    public void A_new_model_is_not_created_twice_when_the_answer_is_lost()
    {
        var proxy = Proxy(FaultProxy.First(Fault.None));
        using var ps = ConnectedThrough(proxy, FastRetries);
        proxy.Decide = FaultProxy.Always(Fault.ResetAfterProcessing);
        var name = CoreClients.Unique("lost");

        var result = ps.Run("New-SeeMeModel -Name $args[0]", name);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ModelConnectionFailed,", error.FullyQualifiedErrorId);
        using var direct = server.SeedUser();
        Assert.Single(direct.Models.GetAllAsync().GetAwaiter().GetResult(), m => m.Name == name);
    }

    [Fact]
    public void A_hung_service_fails_the_command_within_TimeoutSec()
    {
        var proxy = Proxy(FaultProxy.First(Fault.None));
        using var ps = ConnectedThrough(proxy, "-TimeoutSec 1 -MaximumRetryCount 0");
        proxy.Decide = FaultProxy.Always(Fault.Hang);
        var watch = Stopwatch.StartNew();

        var result = ps.Run("Get-SeeMeModel");

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.98), $"gave up after {watch.Elapsed}"); // the second asked for (less a coarse timer tick)
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ModelConnectionFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("No bytes moved for 1 s", error.Exception.Message);
        Assert.Contains("-TimeoutSec", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Stopping_during_a_back_off_stops_at_once()
    {
        var proxy = Proxy(FaultProxy.First(Fault.None));
        using var host = ConnectedThrough(proxy, "-MaximumRetryDelaySec 120");
        proxy.Decide = FaultProxy.Always(Fault.ServiceUnavailable);
        proxy.RetryAfter = "120";

        using var ps = host.Pipeline("Get-SeeMeModel -Verbose");
        using var firstRetry = new ManualResetEventSlim();
        ps.Streams.Verbose.DataAdded += (_, _) => firstRetry.Set();
        var running = ps.BeginInvoke();
        Assert.Equal(0, WaitHandle.WaitAny([firstRetry.WaitHandle, running.AsyncWaitHandle], TimeSpan.FromSeconds(30)));
        var watch = Stopwatch.StartNew();
        ps.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Stop took {watch.Elapsed}"); // not the 120 s back-off
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(2, proxy.Requests.Count); // Connect's check and the one attempt: no retry after the stop
    }
}
