using System.Text;
using SeeMe.Server;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// A real local SeeMe server, in process, on a free 127.0.0.1 port with its own temp data folder.
/// One per test class (IClassFixture), so test classes run in parallel without sharing state.
/// </summary>
public sealed class LocalServerFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "seeme-tests", Guid.NewGuid().ToString("N"));
    public SeeMeServerApp Server { get; private set; }
    public Uri BaseUri => Server.BaseUri;
    public string Username => Server.SeedUser.Username;
    public string ApiKey => Server.SeedUser.ApiKey;

    /// <summary>Largest upload the server accepts; small so the oversize test is cheap.</summary>
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest prediction input the server accepts; small so the oversize test is cheap.</summary>
    public long MaxPredictionInputBytes { get; init; } = 16L * 1024 * 1024;
    /// <summary>Largest inflated size of a zip import; null derives it from <see cref="MaxUploadBytes"/>.</summary>
    public long? MaxZipTotalBytes { get; init; }

    public async Task InitializeAsync()
    {
        Server = SeeMeServerApp.Build(Options());
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Stops the server and starts a new one on the same data folder (restart persistence).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = SeeMeServerApp.Build(Options());
        await Server.StartAsync();
    }

    /// <summary>A bare HttpClient that sends the seed user's raw Authorization header (for conformance tests).</summary>
    public HttpClient RawClient(string username = null, string apiKey = null)
    {
        var http = new HttpClient { BaseAddress = BaseUri };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{username ?? Username}:{apiKey ?? ApiKey}");
        return http;
    }

    /// <summary>Registers and logs in a fresh user; returns (username, apikey, email, id).</summary>
    public async Task<(string Username, string ApiKey, string Email, string Id)> RegisterUserAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        var name = "user" + Guid.NewGuid().ToString("N")[..12];
        var email = name + "@example.test";
        var body = $$"""{"username":"{{name}}","email":"{{email}}","password":"correct horse battery","firstname":"Test","name":"User"}""";
        var reply = await http.PostAsync("register", new StringContent(body, Encoding.UTF8, "application/json"));
        reply.EnsureSuccessStatusCode();
        var login = await http.PostAsync("login", new StringContent($$"""{"username":"{{name}}","password":"correct horse battery"}""", Encoding.UTF8, "application/json"));
        login.EnsureSuccessStatusCode();
        var json = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        return (name, (string)json["apikey"], email, (string)json["id"]);
    }

    private ServerOptions Options() => new()
    {
        Urls = "http://127.0.0.1:0",
        DataDirectory = DataDirectory,
        MaxUploadBytes = MaxUploadBytes,
        MaxPredictionInputBytes = MaxPredictionInputBytes,
        MaxZipTotalBytes = MaxZipTotalBytes,
        Quiet = true,
        SeedUsername = "tester",
        SeedApiKey = null,
    };
}
