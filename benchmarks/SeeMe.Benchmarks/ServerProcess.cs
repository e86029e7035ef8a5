using SeeMe.Core.LocalServer;

namespace SeeMe.Benchmarks;

/// <summary>
/// The local server in its own process, so the benchmark measures only the client's memory. Started by Core's
/// LocalServerProcess (the launcher Start-SeeMeLocalServer uses): port 0, and the port read from the server's ready line.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly LocalServerProcess _process;
    private readonly string _data;

    public Uri BaseUri => _process.BaseUri;
    public string Username => "bench";
    public string ApiKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The CPU time the server process has used so far (less disturbed by a busy machine than elapsed time).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Process.Refresh();
            return _process.Process.TotalProcessorTime;
        }
    }

    public ServerProcess(string configuration, long maxUploadMb)
    {
        var repo = FindRepositoryRoot();
        var dll = Path.Combine(repo, "src", "SeeMe.Server", "bin", configuration, "net10.0", "SeeMe.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the server first ({dll} is missing).");
        _data = Directory.CreateTempSubdirectory("seeme-bench-").FullName;
        var environment = new Dictionary<string, string> { ["SEEME_LOCAL_USERNAME"] = Username, ["SEEME_LOCAL_APIKEY"] = ApiKey };
        _process = LocalServerProcess.StartAsync(dll, ["--data", _data, "--quiet", "--max-upload-mb", maxUploadMb.ToString()],
            port: 0, environment, TimeSpan.FromSeconds(30), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SeeMe.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
    }

    public void Dispose()
    {
        _process.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
