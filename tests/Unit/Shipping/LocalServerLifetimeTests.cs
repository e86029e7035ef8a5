using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>
/// The local server belongs to the PowerShell that started it, not to the terminal: Ctrl+C at the prompt does not reach
/// it, it stops when that PowerShell exits however it exits (unless -KeepRunning), a data folder Start-SeeMeLocalServer
/// created goes with it, and once it is gone a session's commands say so at once. Real pwsh children start it through
/// the module; the tests do to them what a terminal, a crash or the end of a script does.
/// </summary>
public sealed class LocalServerLifetimeTests : IDisposable
{
    private static readonly string ServerDll = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Server.dll");
    private static readonly string Module = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1");
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly TestFiles _files = new();
    private readonly string _key = Guid.NewGuid().ToString("N");
    private readonly List<int> _servers = [];

    public void Dispose()
    {
        foreach (var id in _servers) KillIfRunning(id);
        _files.Dispose();
    }

    [CtrlCFact]
    public void Ctrl_C_sent_to_the_terminal_s_process_group_leaves_the_server_answering_until_PowerShell_exits()
    {
        using var pwsh = StartPwsh(ownProcessGroup: true, """
            $server = Start-SeeMeLocalServer -Path $ServerDll -ApiKey $apiKey -TimeoutSec 60
            Write-Ready READY $server
            try { Start-Sleep -Seconds 600 }   # a command running at the prompt when Ctrl+C comes
            finally {
                [Console]::Out.WriteLine('INTERRUPTED')   # the pipeline is stopping: only the console gets through
                [void][Console]::In.ReadLine()
            }
            """);
        var server = ReadServer(pwsh, "READY");
        using var serverProcess = Process.GetProcessById(server.ProcessId);

        Signals.Send(-pwsh.Id, Signals.Interrupt); // what a terminal does with Ctrl+C: SIGINT to its foreground process group
        pwsh.WaitForLine("INTERRUPTED", Generous);

        Assert.Equal(HttpStatusCode.OK, Answer(server));
        pwsh.WriteLine("");
        Assert.True(pwsh.WaitForExit(Generous), pwsh.Output);
        AssertStoppedAndRemoved(serverProcess, server.DataPath);
    }

    [Fact]
    public void A_killed_PowerShell_takes_its_server_and_temporary_data_folder_with_it()
    {
        using var pwsh = StartPwsh(ownProcessGroup: false, """
            $server = Start-SeeMeLocalServer -Path $ServerDll -ApiKey $apiKey -TimeoutSec 60
            Write-Ready READY $server
            Start-Sleep -Seconds 600
            """);
        var server = ReadServer(pwsh, "READY");
        using var serverProcess = Process.GetProcessById(server.ProcessId);
        Assert.Equal(HttpStatusCode.OK, Answer(server));
        Assert.True(Directory.Exists(server.DataPath));

        pwsh.Kill();

        AssertStoppedAndRemoved(serverProcess, server.DataPath);
    }

    [Fact]
    public void A_script_that_ends_without_Stop_leaves_no_server_unless_it_was_started_with_KeepRunning()
    {
        var keptData = _files.PathOf("kept");
        using var pwsh = StartPwsh(ownProcessGroup: false, """
            Write-Ready OWNED (Start-SeeMeLocalServer -Path $ServerDll -ApiKey $apiKey -TimeoutSec 60)
            Write-Ready KEPT (Start-SeeMeLocalServer -Path $ServerDll -ApiKey $apiKey -TimeoutSec 60 -KeepRunning -DataPath $KeptData)
            [Console]::In.ReadLine() | Out-Null
            """, keptData);
        var owned = ReadServer(pwsh, "OWNED");
        var kept = ReadServer(pwsh, "KEPT");
        using var ownedProcess = Process.GetProcessById(owned.ProcessId); // the script waits for a line, so its server still runs
        pwsh.WriteLine("");
        Assert.True(pwsh.WaitForExit(Generous), pwsh.Output);

        // Both watch the same PowerShell in the same way; the owned one is gone, the kept one still answers.
        AssertStoppedAndRemoved(ownedProcess, owned.DataPath);
        Assert.Equal(HttpStatusCode.OK, Answer(kept));
        KillIfRunning(kept.ProcessId);
        Assert.True(File.Exists(Path.Combine(keptData, "seeme.db")), "a -DataPath folder is never removed");
    }

    [Fact]
    public void Once_the_server_has_exited_commands_fail_at_once_with_LocalServerStopped_and_honour_ErrorAction()
    {
        using var ps = new PowerShellHost();
        var server = StartAndConnect(ps, "-RetryIntervalSec 30 -MaximumRetryDelaySec 30");
        KillIfRunning(server.ProcessId);
        var watch = Stopwatch.StartNew();

        var silent = ps.Run("Get-SeeMeModel -ErrorAction SilentlyContinue; 'went on'; $Error[0]");
        var shown = ps.Run("Get-SeeMeModel -Id one, two; 'went on'");

        // Retrying the refused connection would wait 30 s before the first retry.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Empty(silent.Errors);
        Assert.Contains("went on", silent.Objects);
        Assert.StartsWith("LocalServerStopped,", Assert.Single(silent.OfType<ErrorRecord>()).FullyQualifiedErrorId);
        Assert.Contains("went on", shown.Objects);
        Assert.Equal(2, shown.Errors.Count);
        Assert.All(shown.Errors, error =>
        {
            Assert.StartsWith("LocalServerStopped,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.StartsWith($"The local server at {server.BaseUri} (process {server.ProcessId}) has exited with code ", error.ErrorDetails.Message);
            Assert.EndsWith(", so it cannot answer.", error.ErrorDetails.Message);
            Assert.Equal("Start a local server again and connect to it: Start-SeeMeLocalServer | Connect-SeeMe", error.ErrorDetails.RecommendedAction);
            Assert.Null(error.Exception.InnerException); // nothing from the socket: no stack trace to show
        });
    }

    [Fact]
    public void Stop_removes_the_data_folder_Start_created_keeps_a_given_one_and_later_calls_say_it_was_stopped()
    {
        using var ps = new PowerShellHost();
        var temporary = StartAndConnect(ps, "");
        var givenData = _files.PathOf("given");
        var given = Assert.Single(ps.Run("Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -TimeoutSec 60", ServerDll, givenData).OfType<SeeMeLocalServer>());
        Assert.True(temporary.DataIsTemporary);
        Assert.False(given.DataIsTemporary);

        var stopped = ps.Run("Stop-SeeMeLocalServer; Get-SeeMeApplication");

        Assert.False(Directory.Exists(temporary.DataPath));
        Assert.True(File.Exists(Path.Combine(givenData, "seeme.db")));
        Assert.False(given.IsRunning);
        var error = Assert.Single(stopped.Errors);
        Assert.StartsWith("LocalServerStopped,", error.FullyQualifiedErrorId);
        Assert.Contains("was stopped by Stop-SeeMeLocalServer", error.ErrorDetails.Message);
    }

    [UnixFact]
    public void A_call_waiting_to_retry_ends_as_soon_as_the_server_exits()
    {
        using var host = new PowerShellHost();
        var server = StartAndConnect(host, "-TimeoutSec 1 -RetryIntervalSec 30 -MaximumRetryDelaySec 30");
        Signals.Send(server.ProcessId, Signals.Stop); // it keeps its port and answers nothing: the call times out and waits to retry

        using var ps = host.Pipeline("Get-SeeMeModel -Verbose");
        using var waitingToRetry = new ManualResetEventSlim();
        ps.Streams.Verbose.DataAdded += (_, _) => waitingToRetry.Set();
        var running = ps.BeginInvoke();
        Assert.Equal(0, WaitHandle.WaitAny([waitingToRetry.WaitHandle, running.AsyncWaitHandle], Generous));
        var watch = Stopwatch.StartNew();
        KillIfRunning(server.ProcessId);

        Assert.True(running.AsyncWaitHandle.WaitOne(Generous));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}"); // the retry was 30 s away
        ps.EndInvoke(running);
        Assert.StartsWith("LocalServerStopped,", Assert.Single(ps.Streams.Error).FullyQualifiedErrorId);
    }

    private sealed record ServerSeen(int ProcessId, Uri BaseUri, string DataPath);

    /// <summary>pwsh running a script that imports the module, with $ServerDll, $apiKey (a SecureString) and Write-Ready.</summary>
    private RunningChild StartPwsh(bool ownProcessGroup, string body, string keptData = "")
    {
        var script = _files.Text("child.ps1", $$"""
            param([string] $Module, [string] $ServerDll, [string] $Key, [string] $KeptData)
            $ErrorActionPreference = 'Stop'
            {{(ownProcessGroup ? OwnProcessGroup : "")}}
            Import-Module $Module
            $apiKey = ConvertTo-SecureString $Key -AsPlainText -Force
            function Write-Ready([string] $name, $server) {
                [Console]::Out.WriteLine("$name|$($server.ProcessId)|$($server.BaseUri)|$($server.DataPath)")
            }
            {{body}}
            """);
        return Pwsh.Start(_files.Root, "-File", script, Module, ServerDll, _key, keptData);
    }

    /// <summary>A terminal signals its foreground process group; this pwsh and the server it starts get one of their own.</summary>
    private const string OwnProcessGroup = """
        Add-Type -Namespace SeeMeTests -Name ProcessGroup -MemberDefinition '[DllImport("libc", SetLastError = true)] public static extern int setpgid(int pid, int pgid);'
        if ([SeeMeTests.ProcessGroup]::setpgid(0, 0) -ne 0) { throw 'setpgid failed' }
        """;

    private ServerSeen ReadServer(RunningChild pwsh, string name)
    {
        var fields = pwsh.WaitForLine(name + "|", Generous).Split('|', 4);
        var server = new ServerSeen(int.Parse(fields[1]), new Uri(fields[2]), fields[3]);
        _servers.Add(server.ProcessId);
        return server;
    }

    private SeeMeLocalServer StartAndConnect(PowerShellHost ps, string connectParameters)
    {
        var result = ps.Run($"$s = Start-SeeMeLocalServer -Path $args[0] -TimeoutSec 60; $s | Connect-SeeMe {connectParameters} | Out-Null; $s", ServerDll);
        Assert.Empty(result.Errors);
        var server = Assert.Single(result.OfType<SeeMeLocalServer>());
        _servers.Add(server.ProcessId);
        return server;
    }

    private HttpStatusCode Answer(ServerSeen server)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "applications"));
        request.Headers.TryAddWithoutValidation("Authorization", "local:" + _key);
        using var reply = http.Send(request);
        return reply.StatusCode;
    }

    /// <summary>The server stops by itself (no one else ends it here) and removes its data folder before it exits.</summary>
    private static void AssertStoppedAndRemoved(Process server, string dataPath)
    {
        Assert.True(server.WaitForExit(Generous), $"the server (process {server.Id}) is still running");
        Assert.False(Directory.Exists(dataPath), $"{dataPath} is still there");
    }

    private static void KillIfRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
            process.WaitForExit();
        }
        catch (ArgumentException) { } // already gone
        catch (InvalidOperationException) { }
    }
}
