using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;
using SeeMe.Core.Exceptions;
using SeeMe.Core.LocalServer;

namespace SeeMe.PowerShell.Commands.LocalServer
{
    /// <summary>
    /// <para type="synopsis">Starts a local SeeMe-compatible server (SQLite and files on disk) and returns how to connect to it.</para>
    /// <para type="description">Finds the server in this order: -Path, $env:SEEME_LOCAL_SERVER, the seeme-local-server tool on PATH (dotnet tool install --global SeeMe.LocalServer), the server staged by a development build. Runs it on 127.0.0.1, on a port the system picks unless -Port is given, with its data in -DataPath (default: a new folder under the temp folder). The first user is -Username (default local) with -ApiKey (default: a random key); a data folder keeps its first user, so reuse one with the same key. With -SampleData the server gives that user the dataset and model 'Sample colours' and writes the sample images to the folder in SampleImagesPath. Waits until the server reports that it is listening (at most -TimeoutSeconds), then writes a SeeMeLocalServer object that pipes into Connect-SeeMe. Stop it with Stop-SeeMeLocalServer. The server belongs to this PowerShell, not to the terminal: Ctrl+C at the prompt does not reach it, and it stops when this PowerShell exits, however it exits (closed, killed, or a script that ends without Stop-SeeMeLocalServer), unless -KeepRunning is given. A data folder this command created (no -DataPath) is removed when the server stops. Once the server is gone, commands of a session connected to it fail at once with the error LocalServerStopped.</para>
    /// <example><code>Start-SeeMeLocalServer | Connect-SeeMe</code><para>Starts a throwaway server and connects to it.</para></example>
    /// <example><code>$server = Start-SeeMeLocalServer -SampleData; $server | Connect-SeeMe; Get-ChildItem $server.SampleImagesPath | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name 'Sample colours')</code><para>Starts a server with the sample dataset, model and images, and predicts on the images.</para></example>
    /// <example><code>$server = Start-SeeMeLocalServer -Port 5080 -DataPath ~/seeme-data -ApiKey (Read-Host -AsSecureString); $server | Connect-SeeMe; Get-SeeMeModel; Stop-SeeMeLocalServer $server</code><para>Runs a server on a fixed port and a lasting data folder.</para></example>
    /// <example><code>Start-SeeMeLocalServer -Port 5080 -DataPath ~/seeme-data -KeepRunning</code><para>Starts a server that keeps running after this PowerShell exits; stop it later with Stop-Process -Id on its ProcessId.</para></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "SeeMeLocalServer", SupportsShouldProcess = true)]
    [OutputType(typeof(SeeMeLocalServer))]
    public sealed class StartSeeMeLocalServerCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The port on 127.0.0.1; default one the system picks.</para></summary>
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

        /// <summary><para type="description">The server to run: SeeMe.Server.dll, the seeme-local-server executable, or a folder holding one; default $env:SEEME_LOCAL_SERVER, then seeme-local-server on PATH, then a development build's.</para></summary>
        [Parameter]
        [Alias("ServerPath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary><para type="description">Gives the first user the sample dataset and model 'Sample colours' and writes the sample images to SampleImagesPath.</para></summary>
        [Parameter]
        public SwitchParameter SampleData { get; set; }

        /// <summary><para type="description">Keeps the server running after this PowerShell exits (by default it stops with it). Ctrl+C at the prompt does not stop it either way. Stop it with Stop-SeeMeLocalServer from this session, or later with Stop-Process -Id on its ProcessId; without -DataPath its data folder is removed when it stops itself, not when it is killed.</para></summary>
        [Parameter]
        public SwitchParameter KeepRunning { get; set; }

        /// <summary><para type="description">How long to wait for the server to answer (default 30 seconds).</para></summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSeconds { get; set; } = 30;

        protected override bool RequiresSession => false;

        protected override void ProcessRecord()
        {
            var server = FindServer();
            var dataPath = DataPath == null
                ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "seeme-local", Guid.NewGuid().ToString("N"))
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath);
            if (!ShouldChange("LocalServer", $"127.0.0.1:{(Port == 0 ? "<any free port>" : Port.ToString())}", dataPath, "Start")) return;

            var apiKey = ApiKey != null ? SecureStrings.PlainText(ApiKey) : RandomKey();
            var process = Start(server, dataPath, apiKey);
            WriteVerbose($"Started {server} (process {process.Id}) on {process.BaseUri} with data in {dataPath}.");
            var sampleImages = SampleData ? System.IO.Path.Combine(dataPath, "sample-images") : null;
            var started = new SeeMeLocalServer(process, Username, SecureStrings.From(apiKey), dataPath, DataIsTemporary, KeepRunning, sampleImages);
            SeeMeLocalServer.Started.Add(started);
            WriteObject(started);
        }

        private string FindServer()
        {
            var given = Path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var moduleFolder = System.IO.Path.GetDirectoryName(typeof(StartSeeMeLocalServerCommand).Assembly.Location) ?? "";
            try
            {
                return LocalServerLocator.Find(given, moduleFolder, Environment.GetEnvironmentVariable);
            }
            catch (System.IO.FileNotFoundException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, ErrorNoun, Path));
                throw; // not reached
            }
        }

        /// <summary>Without -DataPath the data folder is this command's own, new under the temp folder.</summary>
        private bool DataIsTemporary => DataPath == null;

        /// <summary>Starts the server; a temporary data folder of a server that did not start is removed.</summary>
        private LocalServerProcess Start(string server, string dataPath, string apiKey)
        {
            try
            {
                return RunOrStop(ct => StartAsync(server, dataPath, apiKey, ct), server);
            }
            catch
            {
                if (DataIsTemporary) DeleteQuietly(dataPath);
                throw;
            }
        }

        /// <summary>Starts the process and checks that the data folder's first user takes our key.</summary>
        private async Task<LocalServerProcess> StartAsync(string server, string dataPath, string apiKey, CancellationToken cancellationToken)
        {
            var arguments = new List<string> { "--data", dataPath, "--quiet" };
            if (SampleData) arguments.Add("--sample-data");
            arguments.AddRange(KeepRunning ? new[] { LocalServerProcess.IgnoreTerminalSignals } : LocalServerProcess.OwnedByThisProcess());
            if (DataIsTemporary) arguments.Add(LocalServerProcess.DeleteDataOnExit);
            var environment = new Dictionary<string, string> { ["SEEME_LOCAL_USERNAME"] = Username, ["SEEME_LOCAL_APIKEY"] = apiKey };
            var process = await LocalServerProcess.StartAsync(server, arguments, Port, environment, TimeSpan.FromSeconds(TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            try
            {
                using var client = new SeeMeClient(process.BaseUri, ConnectionOptions.For(this));
                client.UseApiKey(Username, apiKey);
                await client.Applications.GetAllAsync(cancellationToken).ConfigureAwait(false);
                return process;
            }
            catch (SeeMeApiException e) when (e.IsUnauthorized)
            {
                process.Dispose();
                throw new InvalidOperationException("The data folder already has a first user with another API key; pass that -Username and -ApiKey, or use a new -DataPath.", e);
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }

        private static void DeleteQuietly(string folder)
        {
            try
            {
                if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                // left under the temp folder; the start's own error is what matters
            }
        }

        private static string RandomKey()
        {
            var bytes = new byte[20];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2")));
        }
    }
}
