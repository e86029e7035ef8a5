using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.LocalServer
{
    /// <summary>
    /// The one launcher of the local SeeMe server as a process (Start-SeeMeLocalServer and the benchmarks use it).
    /// It never guesses a free port: the server is started on <c>--urls http://127.0.0.1:0</c> (or the port asked
    /// for), the system gives it a port, and the server prints its ready line "SeeMe local server listening on
    /// &lt;API base URI&gt;" (the server's ReadyLine), which this class waits for and reads.
    /// </summary>
    public sealed class LocalServerProcess : IDisposable
    {
        /// <summary>The start of the line the server prints once it answers; the API base URI follows.</summary>
        public const string ReadyLinePrefix = "SeeMe local server listening on ";

        private const int KeptErrorLines = 8; // the start of it: an unhandled exception's message comes before its stack
        private readonly List<string> _errorLines = new List<string>();
        private readonly TaskCompletionSource<Uri> _ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _exited = new CancellationTokenSource();

        private LocalServerProcess(Process process) => Process = process;

        public Process Process { get; }

        /// <summary>The API root the server reported, e.g. http://127.0.0.1:41234/api/v1/.</summary>
        public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1/api/v1/");

        public int Id => Process.Id;

        public bool HasExited => _exited.IsCancellationRequested || Process.HasExited;

        /// <summary>Cancelled as soon as the server process has exited, however it exited: calls to it can stop waiting.</summary>
        public CancellationToken Exited => _exited.Token;

        /// <summary>
        /// The server arguments that make it this process's: the terminal's Ctrl+C (meant for this process, but sent to
        /// the whole foreground process group) does not stop it, and it stops when this process exits, however it exits.
        /// </summary>
        public static string[] OwnedByThisProcess()
        {
            using (var current = Process.GetCurrentProcess())
                return new[] { IgnoreTerminalSignals, "--owner-pid", current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        /// <summary>The server argument that keeps the terminal's Ctrl+C from stopping it, for a server that outlives this process.</summary>
        public const string IgnoreTerminalSignals = "--ignore-terminal-signals";

        /// <summary>The server argument for a data folder it owns (new or empty): the server removes it when it stops.</summary>
        public const string DeleteDataOnExit = "--delete-data-on-exit";

        /// <summary>
        /// Starts <paramref name="server"/> (SeeMe.Server.dll, run with the dotnet host, or an executable such as the
        /// seeme-local-server tool) with <paramref name="arguments"/> plus <c>--urls http://127.0.0.1:{port}</c>
        /// (port 0: any free one), and returns once it printed its ready line. A server that exits first, or stays
        /// silent past <paramref name="timeout"/>, is stopped and reported with the last lines of its error output.
        /// </summary>
        public static async Task<LocalServerProcess> StartAsync(string server, IEnumerable<string> arguments, int port,
            IDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var start = StartInfo(server, arguments.Concat(new[] { "--urls", $"http://127.0.0.1:{port}" }), environment);
            var launched = new LocalServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
            launched.Process.OutputDataReceived += (_, e) => launched.OnOutput(e.Data);
            launched.Process.ErrorDataReceived += (_, e) => launched.OnError(e.Data);
            launched.Process.Exited += (_, __) => launched.OnExited();
            try
            {
                launched.Process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                launched.Process.Dispose();
                throw new FileNotFoundException($"The local server could not be started ({start.FileName}): {e.Message}", start.FileName, e);
            }
            launched.Process.BeginOutputReadLine();
            launched.Process.BeginErrorReadLine();
            try
            {
                launched.BaseUri = await launched.WaitForReadyLineAsync(timeout, cancellationToken).ConfigureAwait(false);
                return launched;
            }
            catch
            {
                launched.Dispose();
                throw;
            }
        }

        /// <summary>Ends the server process (and its children, e.g. the tool's shim) and waits for it.</summary>
        public void Stop()
        {
            try
            {
                if (!Process.HasExited) KillTree();
                Process.WaitForExit(5000);
            }
            catch (InvalidOperationException) { } // never started or already gone
        }

        public void Dispose()
        {
            Stop();
            Process.Dispose();
        }

        private async Task<Uri> WaitForReadyLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timer.CancelAfter(timeout);
                var cancelled = new TaskCompletionSource<bool>();
                using (timer.Token.Register(() => cancelled.TrySetResult(true)))
                {
                    if (await Task.WhenAny(_ready.Task, cancelled.Task).ConfigureAwait(false) == _ready.Task) return await _ready.Task.ConfigureAwait(false);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"The local server did not report that it was listening within {timeout.TotalSeconds:0} seconds.{ErrorTail()}");
        }

        private void OnOutput(string? line)
        {
            // Only the ready line is read; the rest (it includes the first user's API key) is dropped, never shown.
            if (line == null || !line.StartsWith(ReadyLinePrefix, StringComparison.Ordinal)) return;
            if (Uri.TryCreate(line.Substring(ReadyLinePrefix.Length).Trim(), UriKind.Absolute, out var baseUri)) _ready.TrySetResult(baseUri);
            else _ready.TrySetException(new InvalidOperationException($"The local server reported an address that is not a URI: '{line}'."));
        }

        private void OnError(string? line)
        {
            if (line == null) return;
            lock (_errorLines)
                if (_errorLines.Count < KeptErrorLines) _errorLines.Add(line);
        }

        private void OnExited()
        {
            Process.WaitForExit(); // lets the output readers finish, so the error tail is complete
            _exited.Cancel();
            _ready.TrySetException(new InvalidOperationException($"The local server exited with code {Process.ExitCode} before it was listening.{ErrorTail()}"));
        }

        private string ErrorTail()
        {
            lock (_errorLines)
                return _errorLines.Count == 0 ? "" : " Its error output begins with:" + Environment.NewLine + string.Join(Environment.NewLine, _errorLines);
        }

        private void KillTree()
        {
#if NETSTANDARD2_0
            // Kill(entireProcessTree) is .NET Core 3.0+; a module in Windows PowerShell 5.1 finds it by reflection.
            var killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });
            if (killTree != null) killTree.Invoke(Process, new object[] { true });
            else Process.Kill();
#else
            Process.Kill(entireProcessTree: true);
#endif
        }

        private static ProcessStartInfo StartInfo(string server, IEnumerable<string> arguments, IDictionary<string, string> environment)
        {
            var runWithDotnet = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
            var all = runWithDotnet ? new[] { server }.Concat(arguments) : arguments;
            var start = new ProcessStartInfo(runWithDotnet ? DotnetHost() : server, string.Join(" ", all.Select(Quote)))
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true, // the server never reads it; a console host's keys stay the user's
                StandardOutputEncoding = Encoding.UTF8,
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(server)) ?? "",
            };
            foreach (var pair in environment) start.EnvironmentVariables[pair.Key] = pair.Value;
            return start;
        }

        /// <summary>The dotnet that runs this process when it is one (pwsh, the tests), else dotnet from PATH.</summary>
        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is string host && File.Exists(host) ? host : "dotnet";

        /// <summary>One argument as the C runtime's command-line parser reads it back (quotes, and backslashes before them).</summary>
        private static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0) return argument;
            var quoted = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\') { backslashes++; continue; }
                quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
                backslashes = 0;
            }
            return quoted.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}
