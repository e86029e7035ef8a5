using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>Ctrl+C (StopProcessing) cancels the HTTP call in flight.</summary>
public sealed class StopProcessingTests : IAsyncLifetime, IDisposable
{
    // Its own server: the upload is larger than the shared fixture's 64 MiB limit, so that it is still going when Stop() arrives.
    private readonly LocalServerFixture _server = new() { MaxUploadBytes = 1L << 30 };
    private readonly TestFiles _files = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Stopping_Publish_at_its_first_progress_record_stops_the_pipeline_and_the_server_never_gets_the_file()
    {
        var big = _files.PathOf("big.onnx");
        using (var stream = File.Create(big)) stream.SetLength(256L * 1024 * 1024); // 256 MiB: hundreds of progress steps
        using var client = _server.SeedUser();
        var model = client.Models.CreateAsync(new Model { Name = CoreClients.Unique("stop") }).GetAwaiter().GetResult();
        using var host = new PowerShellHost();
        Assert.Empty(host.Connect(_server).Errors);

        using var ps = host.Pipeline("Publish-SeeMeModel -Model $args[0] -LiteralPath $args[1]", model.Id, big);
        using var firstProgress = new ManualResetEventSlim();
        ps.Streams.Progress.DataAdded += (_, _) => firstProgress.Set();
        var running = ps.BeginInvoke();
        // Progress is written on the pipeline thread, so Stop() (which waits for that thread) is called from here.
        // (Nothing here may enumerate the pipeline's streams while it runs: a PSDataCollection's enumerator waits for it to close.)
        Assert.Equal(0, WaitHandle.WaitAny([firstProgress.WaitHandle, running.AsyncWaitHandle]));
        ps.Stop();

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Empty(ps.Streams.Error);
        var version = client.ModelVersions.GetAsync(model.Id, model.ActiveVersionId).GetAwaiter().GetResult();
        Assert.False(version.HasOnnxModel);
        Assert.False(client.Models.GetAsync(model.Id).GetAwaiter().GetResult().HasOnnxModel);
    }
}
