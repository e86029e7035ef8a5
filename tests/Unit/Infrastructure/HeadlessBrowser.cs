using System.Net;
using System.Net.Sockets;
using SkiaSharp;

namespace SeeMe.Tests.Infrastructure;

/// <summary>What a real browser made of a page: its DOM after loading, a screenshot, and the connections it tried to open.</summary>
public sealed record RenderedPage(string Dom, SKBitmap Screenshot, IReadOnlyList<string> Requests)
{
    /// <summary>How many requests the browser sent out while it loaded the page (for a self-contained page: none).</summary>
    public int ConnectionsAttempted => Requests.Count;
}

/// <summary>
/// A real headless Chromium (Debian's chromium, which .ci/run installs; or Chrome), opening a local file the way a user's
/// browser does. Every http(s) request it makes goes to a proxy that only counts connections and answers none, so a
/// page that needs anything from elsewhere shows up as a connection attempt (and renders without it).
/// </summary>
public static class HeadlessBrowser
{
    private static readonly string[] Candidates =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    /// <summary>The browser: $SEEME_TEST_BROWSER, else the first of the usual places that exists.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("SEEME_TEST_BROWSER") is { Length: > 0 } chosen ? chosen
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new FileNotFoundException("No headless browser for the report tests: install Debian's chromium (apt-get install chromium; .ci/run does) or set SEEME_TEST_BROWSER.");

    public static RenderedPage Open(string htmlFile, string workFolder, int width = 1280, int height = 2400)
    {
        using var trap = new ConnectionTrap();
        var uri = new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri;
        var screenshot = Path.Combine(workFolder, "screenshot.png");
        var dom = Run(trap, workFolder, "profile-dom", "--dump-dom", uri);
        Run(trap, workFolder, "profile-shot", $"--screenshot={screenshot}", $"--window-size={width},{height}", "--hide-scrollbars", uri);
        if (!File.Exists(screenshot)) throw new InvalidOperationException("The browser wrote no screenshot.");
        return new RenderedPage(dom, SKBitmap.Decode(screenshot), trap.Requests.Where(r => !IsBrowserHousekeeping(r)).ToList());
    }

    /// <summary>
    /// Chromium's own calls home, which no flag turns off in its new headless mode and which go out (or not) as its
    /// timing decides: the component updater, the account check. They are the browser's, not the page's; anything
    /// else (another Google host such as fonts.googleapis.com included) counts against the page.
    /// </summary>
    private static bool IsBrowserHousekeeping(string requestLine) =>
        requestLine.StartsWith("CONNECT update.googleapis.com:443 ", StringComparison.Ordinal)
        || requestLine.StartsWith("POST http://update.googleapis.com/service/update2/", StringComparison.Ordinal)
        || requestLine.StartsWith("CONNECT accounts.google.com:443 ", StringComparison.Ordinal)
        || requestLine.StartsWith("GET http://clients2.google.com/time/", StringComparison.Ordinal);

    private static string Run(ConnectionTrap trap, string workFolder, string profile, params string[] arguments)
    {
        // The flags a closed network needs (no background services calling home), a fresh profile, and the counting proxy
        // for every request, loopback included (<-loopback> removes Chromium's implicit bypass for localhost).
        var flags = new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-pings",
            "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad", "--disable-field-trial-config",
            "--disable-component-extensions-with-background-pages", "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
            "--user-data-dir=" + Path.Combine(workFolder, profile),
            $"--proxy-server=http://127.0.0.1:{trap.Port}", "--proxy-bypass-list=<-loopback>",
        };
        var run = ChildProcess.Run(Executable, flags.Concat(arguments), workFolder);
        if (run.ExitCode != 0) throw new InvalidOperationException($"{Executable} exited with {run.ExitCode}:\n{run.Output}");
        return run.StandardOutput;
    }

    /// <summary>
    /// A proxy on a free loopback port that notes each request before it answers it with a 502, so a browser that asked
    /// for something has been noted before its page finished loading (and before the browser exits).
    /// </summary>
    private sealed class ConnectionTrap : IDisposable
    {
        private static readonly byte[] BadGateway = System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _accepting;
        private readonly List<string> _requests = [];

        public ConnectionTrap()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>The first line of each request (e.g. "GET http://example.test/logo.png HTTP/1.1"), in arrival order.</summary>
        public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToList(); } }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                _ = AnswerAsync(client);
            }
        }

        private async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                string requestLine;
                try { requestLine = await new StreamReader(client.GetStream(), leaveOpen: true).ReadLineAsync() ?? "(nothing sent)"; }
                catch (IOException) { requestLine = "(connection dropped)"; }
                lock (_requests) _requests.Add(requestLine);
                try { await client.GetStream().WriteAsync(BadGateway); }
                catch (IOException) { } // the browser gave up first: it was counted all the same
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _accepting.Wait(TimeSpan.FromSeconds(30));
        }
    }
}
