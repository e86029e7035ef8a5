using SeeMe.Core.LocalServer;
using SeeMe.Server;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// The server's own side of belonging to a PowerShell: --ignore-terminal-signals (the terminal's signals do not stop it,
/// SIGTERM does, cleanly), --owner-pid, and --delete-data-on-exit (only for a new or empty folder; removed on stop).
/// </summary>
public sealed class ServerLifetimeTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_lifetime_options_are_read_from_the_command_line()
    {
        var options = ServerOptions.FromArgs(["--owner-pid", "4242", "--ignore-terminal-signals", "--delete-data-on-exit"]);

        Assert.Equal(4242, options.OwnerProcessId);
        Assert.True(options.IgnoreTerminalSignals);
        Assert.True(options.DeleteDataOnExit);
        Assert.Equal(["--ignore-terminal-signals", "--owner-pid", Environment.ProcessId.ToString()], LocalServerProcess.OwnedByThisProcess());
    }

    [Fact]
    public void Delete_data_on_exit_refuses_a_folder_that_holds_files()
    {
        var used = _files.Text("used/notes.txt", "mine");

        var e = Assert.Throws<ArgumentException>(() => SeeMeServerApp.Build(Options(Path.GetDirectoryName(used))));

        Assert.Contains("--delete-data-on-exit", e.Message);
        Assert.True(File.Exists(used));
    }

    [Fact]
    public async Task Delete_data_on_exit_removes_the_data_folder_when_the_server_stops()
    {
        var data = _files.PathOf("owned");
        var server = SeeMeServerApp.Build(Options(data));
        await server.StartAsync();
        Assert.True(File.Exists(Path.Combine(data, "seeme.db")));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(data));
    }

    [CtrlCFact]
    public async Task The_terminal_s_signals_leave_it_answering_and_SIGTERM_stops_it_cleanly()
    {
        var data = _files.PathOf("signals");
        using var server = await LocalServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "SeeMe.Server.dll"),
            ["--data", data, "--quiet", LocalServerProcess.IgnoreTerminalSignals, LocalServerProcess.DeleteDataOnExit],
            port: 0, new Dictionary<string, string>(), TimeSpan.FromSeconds(60), CancellationToken.None);
        using var http = new HttpClient();

        foreach (var signal in new[] { Signals.Interrupt, Signals.Quit, Signals.Hangup }) Signals.Send(server.Id, signal);
        using (var reply = await http.GetAsync(new Uri(server.BaseUri, "applications")))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, reply.StatusCode); // it answers (no key was sent)
        Signals.Send(server.Id, Signals.Terminate);

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, server.Process.ExitCode); // stopped in order, not killed
        Assert.False(Directory.Exists(data));
    }

    private static ServerOptions Options(string data) =>
        new() { DataDirectory = data, Urls = "http://127.0.0.1:0", Quiet = true, DeleteDataOnExit = true, SeedUsername = "lifetime", SeedApiKey = Guid.NewGuid().ToString("N") };
}
