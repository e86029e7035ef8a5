using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SeeMe.Server;

namespace SeeMe.Tests.Server;

/// <summary>
/// What the server writes on its console, run as its own process the way a user starts it: the
/// start lines (address, seeded username and API key) always; warnings and errors by default;
/// every request only with --verbose.
/// </summary>
public sealed class ServerConsoleTests
{
    [Fact]
    public async Task By_default_the_console_shows_the_start_lines_and_errors_and_no_requests()
    {
        await using var server = await ServerConsole.StartAsync();
        await server.GetAsync("applications");
        await server.GetAsync("datasets/no-such-dataset");

        // A server fault, logged as an error after any line the requests above could have logged (one log, in
        // order): once its line is out, theirs would be too.
        var broken = server.StoreModelThatIsNotAnObject();
        await server.GetAsync($"models/{broken}");
        var logged = await server.WaitForLineAsync(l => l.StartsWith("fail:") && l.Contains($"Unhandled error on GET /api/v1/models/{broken}"));

        Assert.True(logged, "No error line in:\n" + string.Join("\n", server.Lines));
        AssertStartLines(server);
        Assert.DoesNotContain(server.Lines, l => l.Contains("/api/v1/applications") || l.Contains("no-such-dataset"));
        Assert.DoesNotContain(server.Lines, l => l.StartsWith("info:"));
    }

    [Fact]
    public async Task With_verbose_the_console_logs_every_request()
    {
        await using var server = await ServerConsole.StartAsync("--verbose");
        await server.GetAsync("applications");

        var logged = await server.WaitForLineAsync(l => l.StartsWith("info:") && l.Contains("/api/v1/applications"));
        Assert.True(logged, "No request line in:\n" + string.Join("\n", server.Lines));
        AssertStartLines(server);
    }

    [Theory]
    [InlineData("", LogLevel.Warning)]
    [InlineData("--verbose", LogLevel.Information)]
    [InlineData("--quiet", LogLevel.None)]
    public void The_console_log_level_follows_the_command_line(string args, LogLevel expected)
    {
        var options = ServerOptions.FromArgs(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected, options.ConsoleLogLevel);
    }

    [Fact]
    public void An_unknown_argument_names_the_ones_that_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => ServerOptions.FromArgs(["--loud"]));
        Assert.Contains("--verbose", e.Message);
    }

    private static void AssertStartLines(ServerConsole server)
    {
        Assert.Contains(server.Lines, l => l.StartsWith("SeeMe local server listening on http://127.0.0.1:"));
        Assert.Contains(server.Lines, l => l == "Username: " + ServerConsole.Username);
        Assert.Contains(server.Lines, l => l.StartsWith("API key:") && l.EndsWith(server.ApiKey));
    }

    /// <summary>The built server (beside the tests) in its own process, its console lines collected as they come.</summary>
    private sealed class ServerConsole : IAsyncDisposable
    {
        public const string Username = "console";
        private readonly Process _process;
        private readonly string _data;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly HttpClient _http = new();

        private ServerConsole(string args)
        {
            _data = Directory.CreateTempSubdirectory("seeme-console-").FullName;
            var dll = Path.Combine(AppContext.BaseDirectory, "SeeMe.Server.dll");
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:0 --data \"{_data}\" {args}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["SEEME_LOCAL_USERNAME"] = Username;
            start.Environment["SEEME_LOCAL_APIKEY"] = ApiKey;
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string ApiKey { get; } = Guid.NewGuid().ToString("N");
        public IReadOnlyList<string> Lines => _lines.ToArray();

        public static async Task<ServerConsole> StartAsync(string args = "")
        {
            var server = new ServerConsole(args);
            if (!await server.WaitForLineAsync(l => l.StartsWith("Connect with:")))
            {
                await server.DisposeAsync();
                throw new TimeoutException("The server did not start within 30 s: " + string.Join("\n", server.Lines));
            }
            const string prefix = "SeeMe local server listening on ";
            var address = server.Lines.First(l => l.StartsWith(prefix))[prefix.Length..];
            server._http.BaseAddress = new Uri(address);
            server._http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{Username}:{server.ApiKey}");
            return server;
        }

        public async Task GetAsync(string path)
        {
            using var reply = await _http.GetAsync(path);
        }

        /// <summary>Writes a model into the server's database behind its back, stored as a JSON array: reading it is a server fault.</summary>
        public string StoreModelThatIsNotAnObject()
        {
            var id = "broken-" + Guid.NewGuid().ToString("N");
            using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "seeme.db")};Pooling=False");
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (id, kind, json) VALUES ($id, 'model', '[]')";
            insert.Parameters.AddWithValue("$id", id);
            insert.ExecuteNonQuery();
            return id;
        }

        public async Task<bool> WaitForLineAsync(Func<string, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (_lines.Any(match)) return true;
                if (_process.HasExited) return false;
                await Task.Delay(50);
            }
            return false;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        }
    }
}
