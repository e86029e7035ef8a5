using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;
using SeeMe.Core.Exceptions;

namespace SeeMe.PowerShell.Commands.LocalServer
{
    /// <summary>
    /// <para type="synopsis">Starts a local SeeMe-compatible server (SQLite and files on disk) and returns how to connect to it.</para>
    /// <para type="description">Runs the server that ships with the module (server/SeeMe.Server.dll beside the module, or -ServerPath) with `dotnet` on 127.0.0.1, on a free port unless -Port is given, with its data in -DataPath (default: a new folder under the temp folder). The first user is -Username (default local) with -ApiKey (default: a random key); a data folder keeps its first user, so reuse one with the same key. Waits until the server answers (at most -TimeoutSeconds), then writes a SeeMeLocalServer object that pipes into Connect-SeeMe. Stop it with Stop-SeeMeLocalServer.</para>
    /// <example><code>Start-SeeMeLocalServer | Connect-SeeMe</code><para>Starts a throwaway server and connects to it.</para></example>
    /// <example><code>$server = Start-SeeMeLocalServer -Port 5080 -DataPath ~/seeme-data -ApiKey (Read-Host -AsSecureString); $server | Connect-SeeMe; Get-SeeMeModel; Stop-SeeMeLocalServer $server</code><para>Runs a server on a fixed port and a lasting data folder.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "SeeMeLocalServer", SupportsShouldProcess = true)]
    [OutputType(typeof(SeeMeLocalServer))]
    public sealed class StartSeeMeLocalServerCommand : SeeMeCmdlet
    {
        private const string ServerDll = "SeeMe.Server.dll";

        /// <summary><para type="description">The port on 127.0.0.1; default a free one.</para></summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary><para type="description">The data folder (seeme.db and uploaded files); default a new folder under the temp folder.</para></summary>
        [Parameter]
        public string? DataPath { get; set; }

        /// <summary><para type="description">The first user's name on a new data folder (default local).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Username { get; set; } = "local";

        /// <summary><para type="description">The first user's API key on a new data folder; default a random one.</para></summary>
        [Parameter]
        public SecureString? ApiKey { get; set; }

        /// <summary><para type="description">SeeMe.Server.dll, or the folder holding it; default the server staged with the module.</para></summary>
        [Parameter]
        public string? ServerPath { get; set; }

        /// <summary><para type="description">How long to wait for the server to answer (default 30 seconds).</para></summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSeconds { get; set; } = 30;

        protected override bool RequiresSession => false;

        protected override void ProcessRecord()
        {
            var serverDll = FindServer();
            var dataPath = DataPath == null
                ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "seeme-local", Guid.NewGuid().ToString("N"))
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath);
            var port = Port == 0 ? FreePort() : Port;
            var baseUri = new Uri($"http://127.0.0.1:{port}/api/v1/");
            if (!ShouldChange("LocalServer", baseUri.ToString(), dataPath, "Start")) return;

            var apiKey = ApiKey != null ? SecureStrings.PlainText(ApiKey) : RandomKey();
            var process = Launch(serverDll, port, dataPath, apiKey);
            WriteVerbose($"Started {serverDll} (process {process.Id}) on {baseUri} with data in {dataPath}.");
            RunOrStop(ct => WaitUntilReadyAsync(process, baseUri, apiKey, ct), baseUri);
            var server = new SeeMeLocalServer(process, baseUri, Username, SecureStrings.From(apiKey), dataPath);
            SeeMeLocalServer.Started.Add(server);
            WriteObject(server);
        }

        private string FindServer()
        {
            var moduleFolder = System.IO.Path.GetDirectoryName(typeof(StartSeeMeLocalServerCommand).Assembly.Location) ?? "";
            var candidates = ServerPath != null
                ? new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(ServerPath) }.SelectMany(p => new[] { p, System.IO.Path.Combine(p, ServerDll) })
                : new[] { System.IO.Path.Combine(moduleFolder, "server", ServerDll), System.IO.Path.Combine(moduleFolder, ServerDll) };
            var found = candidates.FirstOrDefault(p => p.EndsWith(ServerDll, StringComparison.OrdinalIgnoreCase) && File.Exists(p));
            if (found == null)
                ThrowTerminatingError(ErrorRecords.From(new FileNotFoundException(
                    $"{ServerDll} was not found ({string.Join(", ", candidates)}). Build the module with ./build.ps1 or pass -ServerPath."), ErrorNoun, ServerPath));
            return found!;
        }

        private Process Launch(string serverDll, int port, string dataPath, string apiKey)
        {
            var start = new ProcessStartInfo(DotnetHost(),
                $"\"{serverDll}\" --urls http://127.0.0.1:{port} --data \"{dataPath}\" --quiet")
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true, // the server prints its key there: read and dropped, never shown
                RedirectStandardError = true,
                WorkingDirectory = System.IO.Path.GetDirectoryName(serverDll) ?? "",
            };
            start.EnvironmentVariables["SEEME_LOCAL_USERNAME"] = Username;
            start.EnvironmentVariables["SEEME_LOCAL_APIKEY"] = apiKey;
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.OutputDataReceived += (_, __) => { };
            process.ErrorDataReceived += (_, __) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        /// <summary>Polls GET applications until the server answers; stops early when the process exits or the key is refused.</summary>
        private async Task<bool> WaitUntilReadyAsync(Process process, Uri baseUri, string apiKey, CancellationToken cancellationToken)
        {
            var options = ConnectionOptions.For(this);
            options.MaximumRetryCount = 0; // this loop is the retry
            using var client = new SeeMeClient(baseUri, options);
            client.UseApiKey(Username, apiKey);
            var deadline = DateTime.UtcNow.AddSeconds(TimeoutSeconds);
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"The local server exited with code {process.ExitCode} before answering.");
                try
                {
                    await client.Applications.GetAllAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (SeeMeApiException e) when (e.StatusCode == 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200, cancellationToken).ConfigureAwait(false);
                }
                catch (SeeMeApiException e) when (e.StatusCode == 0)
                {
                    Kill(process);
                    throw new TimeoutException($"The local server did not answer on {baseUri} within {TimeoutSeconds} seconds.", e);
                }
                catch (SeeMeApiException e) when (e.IsUnauthorized)
                {
                    Kill(process);
                    throw new InvalidOperationException("The data folder already has a first user with another API key; pass that -Username and -ApiKey, or use a new -DataPath.", e);
                }
            }
        }

        internal static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException) { } // already gone
        }

        private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is string host && File.Exists(host) ? host : "dotnet";

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
            finally { listener.Stop(); }
        }

        private static string RandomKey()
        {
            var bytes = new byte[20];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2")));
        }
    }
}
