// netstandard2.0 (see the project file): the xunit tests and tests/Pester/Faults.Tests.ps1 load this same assembly.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Tests.Infrastructure;

/// <summary>What the <see cref="FaultProxy"/> does to one request.</summary>
public enum Fault
{
    /// <summary>Forwards it and its answer unchanged.</summary>
    None,

    /// <summary>Answers 503 with Retry-After itself (the server never sees the request).</summary>
    ServiceUnavailable,

    /// <summary>Answers 429 with Retry-After itself.</summary>
    TooManyRequests,

    /// <summary>Answers 502 with an HTML page, as a gateway does.</summary>
    BadGateway,

    /// <summary>Reads the request, then resets the connection (the server never sees it).</summary>
    ResetBeforeForwarding,

    /// <summary>Reads the head and part of the body, then resets.</summary>
    ResetMidRequest,

    /// <summary>Forwards it, lets the server answer in full, then resets instead of passing the answer on.</summary>
    ResetAfterProcessing,

    /// <summary>Forwards it and passes on the answer's head and half its body, then resets.</summary>
    ResetMidResponse,

    /// <summary>Forwards it and passes on the answer's head, then closes the connection.</summary>
    CloseAfterHeaders,

    /// <summary>Forwards it and passes on the answer's head and part of its body, then sends nothing more.</summary>
    StallMidResponse,

    /// <summary>Reads the request and never answers.</summary>
    Hang,

    /// <summary>Forwards it and passes the answer on slowly but steadily: 16 KiB every 50 ms.</summary>
    Slow,
}

/// <summary>
/// One request as the proxy saw it: its number in arrival order (1 = the first), request line, headers, the file
/// name of a multipart upload (else null), which attempt at the same request it is (1 = the first with this method,
/// path and file name), and what was done to it.
/// </summary>
public sealed record ProxiedRequest(int Number, string Method, string Path, string Head, string FileName, int Attempt, Fault Fault)
{
    public string Header(string name) => HeaderOf(Head, name);

    internal static string HeaderOf(string head, string name) =>
        Lines(head).Skip(1).Select(l => l.Split(new[] { ':' }, 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();

    internal static string[] Lines(string head) => head.Split(new[] { "\r\n" }, StringSplitOptions.None);
}

/// <summary>
/// A loopback TCP proxy in front of a real local server that misbehaves on purpose, the way a service under
/// load or a broken network does. <see cref="Decide"/> picks the fault for each request. Each connection carries
/// one request (the proxy asks the server to close after answering), so every attempt a client makes is one request here.
/// Requests in flight at once arrive in an order thread timing decides: a rule for concurrent requests keys its faults
/// by the request (<see cref="PerUploadedFile"/>), never by arrival number.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new ConcurrentQueue<ProxiedRequest>();
    private readonly List<Task> _connections = new List<Task>();
    private readonly ConcurrentDictionary<string, int> _attempts = new ConcurrentDictionary<string, int>();
    private readonly Task _accepting;
    private int _count;

    public FaultProxy(Uri upstreamBaseUri, Func<ProxiedRequest, Fault> decide, int port = 0)
    {
        _upstream = upstreamBaseUri;
        Decide = decide;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        var actualPort = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUri = new UriBuilder(upstreamBaseUri) { Port = actualPort }.Uri;
        _accepting = Task.Run(AcceptAsync); // on the thread pool: no caller's synchronisation context is captured
    }

    /// <summary>The upstream's API root, on the proxy's port.</summary>
    public Uri BaseUri { get; }

    /// <summary>The fault for a request (called once per request, from several threads at once).</summary>
    public Func<ProxiedRequest, Fault> Decide { get; set; }

    /// <summary>The Retry-After value sent with 503 and 429 (null: none).</summary>
    public string RetryAfter { get; set; } = "1";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => _requests.OrderBy(r => r.Number).ToList();

    /// <summary>A rule: every request gets <paramref name="fault"/>.</summary>
    public static Func<ProxiedRequest, Fault> Always(Fault fault) => _ => fault;

    /// <summary>A rule that applies <paramref name="faults"/> to the first requests in arrival order, then forwards everything (for one request at a time).</summary>
    public static Func<ProxiedRequest, Fault> First(params Fault[] faults) =>
        r => r.Number <= faults.Length ? faults[r.Number - 1] : Fault.None;

    /// <summary>
    /// A rule keyed by the request, so it holds however requests interleave: attempt n at uploading a file named in
    /// <paramref name="faultsByFileName"/> gets the n-th fault listed for it, and later attempts and all other requests
    /// are forwarded. Each upload thus meets exactly the faults listed for it.
    /// </summary>
    public static Func<ProxiedRequest, Fault> PerUploadedFile(IReadOnlyDictionary<string, Fault[]> faultsByFileName) =>
        r => r.FileName != null && faultsByFileName.TryGetValue(r.FileName, out var faults) && r.Attempt <= faults.Length
            ? faults[r.Attempt - 1]
            : Fault.None;

    /// <summary>
    /// The faults of the "every 7th, 13th and 11th" scenario for input number <paramref name="n"/> (1-based): a 503
    /// when 7 divides n, a 429 when 13 does, a reset before forwarding when 11 does, in that order (77 meets a 503, then
    /// a reset): never more than two below 1001.
    /// </summary>
    public static Fault[] EverySeventhThirteenthAndEleventh(int n)
    {
        var faults = new List<Fault>();
        if (n % 7 == 0) faults.Add(Fault.ServiceUnavailable);
        if (n % 13 == 0) faults.Add(Fault.TooManyRequests);
        if (n % 11 == 0) faults.Add(Fault.ResetBeforeForwarding);
        return faults.ToArray();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            lock (_connections) _connections.Add(Task.Run(() => HandleAsync(client)));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var downstream = client.GetStream();
            var (head, rest) = await ReadHeadAsync(downstream);
            if (head == null) return;
            var line = ProxiedRequest.Lines(head)[0].Split(' ');
            var path = line[1].StartsWith(_upstream.AbsolutePath, StringComparison.Ordinal) ? line[1].Substring(_upstream.AbsolutePath.Length) : line[1];
            var bodyLength = long.TryParse(ProxiedRequest.HeaderOf(head, "Content-Length"), out var length) ? length : 0;
            var isUpload = ProxiedRequest.HeaderOf(head, "Content-Type")?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
            if (isUpload) rest = await ReadFirstPartHeadAsync(downstream, rest, bodyLength);
            var fileName = isUpload ? FileNameIn(rest) : null;
            var attempt = _attempts.AddOrUpdate($"{line[0]} {path} {fileName}", 1, (_, n) => n + 1);
            var probe = new ProxiedRequest(Interlocked.Increment(ref _count), line[0], path, head, fileName, attempt, Fault.None);
            var fault = Decide(probe);
            _requests.Enqueue(probe with { Fault = fault });
            await ApplyAsync(fault, client, downstream, head, rest, bodyLength);
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task ApplyAsync(Fault fault, TcpClient client, NetworkStream downstream, string head, byte[] rest, long bodyLength)
    {
        switch (fault)
        {
            case Fault.ServiceUnavailable:
            case Fault.TooManyRequests:
                await DrainAsync(downstream, rest.Length, bodyLength);
                await AnswerAsync(downstream, fault == Fault.TooManyRequests ? "429 Too Many Requests" : "503 Service Unavailable",
                    "application/json", """{"message":"The service is busy."}""", RetryAfter);
                return;
            case Fault.BadGateway:
                await DrainAsync(downstream, rest.Length, bodyLength);
                await AnswerAsync(downstream, "502 Bad Gateway", "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", null);
                return;
            case Fault.ResetBeforeForwarding:
                await DrainAsync(downstream, rest.Length, bodyLength);
                Reset(client);
                return;
            case Fault.ResetMidRequest:
                await DrainAsync(downstream, rest.Length, bodyLength / 2);
                Reset(client);
                return;
            case Fault.Hang:
                await DrainAsync(downstream, rest.Length, bodyLength);
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
        }

        using var upstreamClient = new TcpClient();
        await upstreamClient.ConnectAsync(_upstream.Host, _upstream.Port);
        var upstream = upstreamClient.GetStream();
        await WriteAsync(upstream, Encoding.ASCII.GetBytes(WithConnectionClose(head)));
        await WriteAsync(upstream, rest);
        _ = PumpAsync(downstream, upstream); // the rest of the request body, as it comes
        var (answerHead, answerRest) = await ReadHeadAsync(upstream);
        if (answerHead == null) { Reset(client); return; }
        var answerHeadBytes = Encoding.ASCII.GetBytes(answerHead);
        switch (fault)
        {
            case Fault.None:
                await WriteAsync(downstream, answerHeadBytes);
                await WriteAsync(downstream, answerRest);
                await PumpAsync(upstream, downstream);
                return;
            case Fault.Slow:
                await WriteAsync(downstream, answerHeadBytes);
                await WriteAsync(downstream, answerRest);
                await PumpAsync(upstream, downstream, pieceBytes: 16 * 1024, pause: TimeSpan.FromMilliseconds(50));
                return;
            case Fault.ResetAfterProcessing:
                await PumpAsync(upstream, Stream.Null);
                Reset(client);
                return;
            case Fault.CloseAfterHeaders:
                await WriteAsync(downstream, answerHeadBytes);
                client.Client.Shutdown(SocketShutdown.Send);
                return;
            case Fault.ResetMidResponse:
            case Fault.StallMidResponse:
                var answerLength = long.TryParse(ProxiedRequest.HeaderOf(answerHead, "Content-Length"), out var n) ? n : 2;
                await WriteAsync(downstream, answerHeadBytes);
                await CopyAsync(answerRest, upstream, downstream, answerLength / 2);
                if (fault == Fault.ResetMidResponse) Reset(client);
                else await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
        }
    }

    /// <summary>Reads up to the blank line that ends a head; returns the head (with that blank line) and the bytes read past it.</summary>
    private async Task<(string Head, byte[] Tail)> ReadHeadAsync(Stream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, _stop.Token);
            if (read == 0) return (null, null);
            buffer.Write(chunk, 0, read);
            var bytes = buffer.ToArray();
            var end = IndexOfBlankLine(bytes);
            if (end >= 0) return (Encoding.ASCII.GetString(bytes, 0, end + 4), bytes.Skip(end + 4).ToArray());
        }
    }

    /// <summary>Reads on from <paramref name="rest"/> (never past the body) until the first multipart part's head is in it; returns all read of the body.</summary>
    private async Task<byte[]> ReadFirstPartHeadAsync(Stream stream, byte[] rest, long bodyLength)
    {
        var body = new MemoryStream();
        body.Write(rest, 0, rest.Length);
        var chunk = new byte[4096];
        while (IndexOfBlankLine(body.ToArray()) < 0 && body.Length < Math.Min(bodyLength, 64 * 1024))
        {
            var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, bodyLength - body.Length), _stop.Token);
            if (read == 0) break;
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }

    /// <summary>The file name in the first multipart part's Content-Disposition, or null.</summary>
    private static string FileNameIn(byte[] body)
    {
        var end = IndexOfBlankLine(body);
        if (end < 0) return null;
        var match = Regex.Match(Encoding.UTF8.GetString(body, 0, end), "filename=\"?(?<name>[^\";\r\n]+)");
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static int IndexOfBlankLine(byte[] bytes)
    {
        for (var i = 0; i + 3 < bytes.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }

    private static string WithConnectionClose(string head)
    {
        var lines = ProxiedRequest.Lines(head.TrimEnd('\r', '\n')).Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        return string.Join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    }

    private async Task DrainAsync(Stream stream, long alreadyRead, long bodyLength)
    {
        var left = bodyLength - alreadyRead;
        var chunk = new byte[64 * 1024];
        while (left > 0)
        {
            var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, left), _stop.Token);
            if (read == 0) return;
            left -= read;
        }
    }

    private async Task CopyAsync(byte[] first, Stream from, Stream to, long count)
    {
        var firstPart = (int)Math.Min(first.Length, count);
        await to.WriteAsync(first, 0, firstPart, _stop.Token);
        var left = count - firstPart;
        var chunk = new byte[64 * 1024];
        while (left > 0)
        {
            var read = await from.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, left), _stop.Token);
            if (read == 0) return;
            await to.WriteAsync(chunk, 0, read, _stop.Token);
            left -= read;
        }
        await to.FlushAsync(_stop.Token);
    }

    private async Task PumpAsync(Stream from, Stream to, int pieceBytes = 64 * 1024, TimeSpan pause = default)
    {
        var chunk = new byte[pieceBytes];
        try
        {
            int read;
            while ((read = await from.ReadAsync(chunk, 0, chunk.Length, _stop.Token)) > 0)
            {
                await to.WriteAsync(chunk, 0, read, _stop.Token);
                if (pause > TimeSpan.Zero) await Task.Delay(pause, _stop.Token);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (OperationCanceledException) { }
    }

    private async Task AnswerAsync(Stream stream, string status, string contentType, string body, string retryAfter)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n" +
                   (retryAfter == null ? "" : $"Retry-After: {retryAfter}\r\n") + "Connection: close\r\n\r\n";
        await WriteAsync(stream, Encoding.ASCII.GetBytes(head));
        await WriteAsync(stream, bytes);
    }

    /// <summary>Closes with a TCP reset (RST) rather than a clean close.</summary>
    private static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    private Task WriteAsync(Stream stream, byte[] bytes) => stream.WriteAsync(bytes, 0, bytes.Length, _stop.Token);

    /// <summary>Stops listening, ends every connection and waits for them.</summary>
    public async Task DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        Task[] connections;
        lock (_connections) connections = _connections.ToArray();
        await Task.WhenAll(connections).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>As <see cref="DisposeAsync"/>, for callers that cannot await (PowerShell).</summary>
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();
}

