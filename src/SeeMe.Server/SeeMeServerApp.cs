using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SeeMe.Server.Endpoints;
using SeeMe.Server.Inference;
using SeeMe.Server.Lifetime;
using SeeMe.Server.Storage;
using SeeMe.Server.Zip;

namespace SeeMe.Server;

/// <summary>
/// The local SeeMe-compatible server as an object: built from options, started and stopped in
/// process (the tests start one per test class on port 0), or from Program for the command line.
/// </summary>
public sealed class SeeMeServerApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerOptions _options;

    private SeeMeServerApp(WebApplication app, ServerOptions options, Store store, SeedUser seedUser)
    {
        _app = app;
        _options = options;
        Store = store;
        SeedUser = seedUser;
    }

    public Store Store { get; }

    /// <summary>The host's services (routing, options, ...), e.g. to list the endpoints it serves.</summary>
    public IServiceProvider Services => _app.Services;
    public SeedUser SeedUser { get; }

    /// <summary>The API root, e.g. http://127.0.0.1:5080/api/v1/ (known after start).</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/api/v1/");

    public static SeeMeServerApp Build(ServerOptions options)
    {
        if (options.DeleteDataOnExit) DataFolder.CheckOwnable(options.DataDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.DataDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Logging.ClearProviders().SetMinimumLevel(options.ConsoleLogLevel);
        if (options.ConsoleLogLevel != LogLevel.None) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        var store = new Store(options.DataDirectory);
        var files = new FileStore(options.DataDirectory, store);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(files);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(ZipLimits.From(options));
        builder.Services.AddSingleton<IInferenceEngine, OnnxInferenceEngine>();
        AddLifetime(builder.Services, options);

        var app = builder.Build();
        Api.Map(app);

        var seedUser = Seeding.EnsureSeeded(store, options);
        FirstUserFile.Write(options.DataDirectory, seedUser);
        return new SeeMeServerApp(app, options, store, seedUser);
    }

    /// <summary>Who may stop the server besides SIGTERM and disposing it: the terminal (by default), its owner's exit.</summary>
    private static void AddLifetime(IServiceCollection services, ServerOptions options)
    {
        if (options.IgnoreTerminalSignals) services.AddSingleton<IHostLifetime, TerminalIndependentLifetime>();
        if (options.OwnerProcessId != null) services.AddHostedService<OwnerWatch>();
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").TrimEnd('/') + "/api/v1/");
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        if (_options.DeleteDataOnExit) DataFolder.Delete(_options.DataDirectory);
    }
}
