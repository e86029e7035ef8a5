using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SeeMe.Benchmarks;

/// <summary>The local server in its own process, so the benchmark measures only the client's memory.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _data;

    public Uri BaseUri { get; }
    public string Username => "bench";
    public string ApiKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The CPU time the server process has used so far (less disturbed by a busy machine than elapsed time).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public ServerProcess(string configuration, long maxUploadMb)
    {
        var repo = FindRepositoryRoot();
        var dll = Path.Combine(repo, "src", "SeeMe.Server", "bin", configuration, "net10.0", "SeeMe.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the server first ({dll} is missing).");
        var port = FreePort();
        _data = Directory.CreateTempSubdirectory("seeme-bench-").FullName;
        BaseUri = new Uri($"http://127.0.0.1:{port}/api/v1/");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --data \"{_data}\" --quiet --max-upload-mb {maxUploadMb}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["SEEME_LOCAL_USERNAME"] = Username;
        start.Environment["SEEME_LOCAL_APIKEY"] = ApiKey;
        _process = Process.Start(start)!;
        WaitUntilListening();
    }

    private void WaitUntilListening()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var reply = http.GetAsync(new Uri(BaseUri, "applications")).Result;
                if (reply.StatusCode == HttpStatusCode.Unauthorized || reply.IsSuccessStatusCode) return;
            }
            catch (AggregateException) { }
            Thread.Sleep(200);
        }
        throw new TimeoutException("The server did not start within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SeeMe.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
