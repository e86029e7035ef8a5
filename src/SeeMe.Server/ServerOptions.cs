namespace SeeMe.Server;

/// <summary>Command-line settings of the local server.</summary>
public sealed class ServerOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    public string DataDirectory { get; set; } = Path.Combine(Environment.CurrentDirectory, "seeme-data");
    /// <summary>Largest accepted upload body; bigger ones get 413 with a JSON message.</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;
    /// <summary>Largest accepted JSON body (every route but the uploads); bigger ones get 413 with a JSON message.</summary>
    public long MaxJsonBytes { get; set; } = 4L * 1024 * 1024;
    /// <summary>Largest accepted prediction input (an image is decoded whole, so this bounds a prediction's memory).</summary>
    public long MaxPredictionInputBytes { get; set; } = 64L * 1024 * 1024;
    /// <summary>Zip import limits (Zip/ZipLimits.cs); null derives them from <see cref="MaxUploadBytes"/>.</summary>
    public long? MaxZipEntryBytes { get; set; }
    public long? MaxZipTotalBytes { get; set; }
    public int? MaxZipRatio { get; set; }
    public long? MaxZipTextBytes { get; set; }
    public string? SeedUsername { get; set; } = Environment.GetEnvironmentVariable("SEEME_LOCAL_USERNAME");
    public string? SeedApiKey { get; set; } = Environment.GetEnvironmentVariable("SEEME_LOCAL_APIKEY");
    /// <summary>--verbose: log every request on the console, not only warnings and errors.</summary>
    public bool Verbose { get; set; }
    /// <summary>--quiet: no console log at all (the tests, and a server started from PowerShell).</summary>
    public bool Quiet { get; set; }
    /// <summary>Gives the first user the sample dataset, model and images (SampleData/SampleContent).</summary>
    public bool SampleData { get; set; }
    /// <summary>--owner-pid: the process the server belongs to; when it exits, however it exits, the server stops (Lifetime/OwnerWatch).</summary>
    public int? OwnerProcessId { get; set; }
    /// <summary>--ignore-terminal-signals: Ctrl+C, Ctrl+\ (Ctrl+Break) and a closed terminal do not stop it; SIGTERM does (Lifetime/TerminalIndependentLifetime).</summary>
    public bool IgnoreTerminalSignals { get; set; }
    /// <summary>--delete-data-on-exit: the data folder is the server's own (new or empty at start) and is removed when it stops.</summary>
    public bool DeleteDataOnExit { get; set; }

    /// <summary>
    /// What the console log shows: warnings and errors by default (a request log of a large
    /// import is megabytes, and console logging slows every request), requests too with --verbose.
    /// The start lines (address, seeded user and API key) are written by Program, not logged.
    /// </summary>
    public LogLevel ConsoleLogLevel => Quiet ? LogLevel.None : Verbose ? LogLevel.Information : LogLevel.Warning;

    public static ServerOptions FromArgs(string[] args)
    {
        var options = new ServerOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--urls": options.Urls = Next(); break;
                case "--data": options.DataDirectory = Path.GetFullPath(Next()); break;
                case "--max-upload-mb": options.MaxUploadBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--max-json-mb": options.MaxJsonBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--max-prediction-mb": options.MaxPredictionInputBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--max-zip-entry-mb": options.MaxZipEntryBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--max-zip-total-mb": options.MaxZipTotalBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--max-zip-ratio": options.MaxZipRatio = int.Parse(Next()); break;
                case "--max-zip-text-mb": options.MaxZipTextBytes = long.Parse(Next()) * 1024 * 1024; break;
                case "--verbose": options.Verbose = true; break;
                case "--quiet": options.Quiet = true; break;
                case "--sample-data": options.SampleData = true; break;
                case "--owner-pid": options.OwnerProcessId = int.Parse(Next()); break;
                case "--ignore-terminal-signals": options.IgnoreTerminalSignals = true; break;
                case "--delete-data-on-exit": options.DeleteDataOnExit = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --urls <url>, --data <dir>, --max-upload-mb <n>, --max-json-mb <n>, --max-prediction-mb <n>, --max-zip-entry-mb <n>, --max-zip-total-mb <n>, --max-zip-ratio <n>, --max-zip-text-mb <n>, --verbose, --quiet, --sample-data, --owner-pid <pid>, --ignore-terminal-signals, --delete-data-on-exit.");
            }
        }
        return options;
    }
}
