using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a server that delivers every byte half a round trip after it
/// was sent, in each direction: a remote service's latency, with no bandwidth limit, over real
/// sockets. Clients connect to <see cref="BaseUri"/> instead of the server's address.
/// (The benchmarks link this file too.)
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly TimeSpan _oneWay;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _accepting;

    public LatencyProxy(Uri upstream, TimeSpan roundTrip)
    {
        _upstream = upstream;
        _oneWay = roundTrip / 2;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The upstream base URI with the proxy's port.</summary>
    public Uri BaseUri => new UriBuilder(_upstream) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e is SocketException || e is ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        lock (_sockets) _sockets.AddRange([client, server]);
        try
        {
            client.NoDelay = server.NoDelay = true;
            await server.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
            var toServer = PumpAsync(client.GetStream(), server.GetStream());
            var toClient = PumpAsync(server.GetStream(), client.GetStream());
            await Task.WhenAny(toServer, toClient); // either side closed: the connection is over
        }
        catch (Exception e) when (e is IOException || e is SocketException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            // a side went away
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Copies one direction; each chunk is written when its delay is over, so chunks overlap in flight.</summary>
    private async Task PumpAsync(Stream from, Stream to)
    {
        var chunks = Channel.CreateUnbounded<(byte[] Data, int Count, long Due)>();
        var writing = WriteWhenDueAsync(chunks.Reader, to);
        try
        {
            while (true)
            {
                var buffer = new byte[64 * 1024];
                var count = await from.ReadAsync(buffer, _stop.Token);
                if (count == 0) break;
                chunks.Writer.TryWrite((buffer, count, Stopwatch.GetTimestamp() + (long)(_oneWay.TotalSeconds * Stopwatch.Frequency)));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
            await writing;
        }
    }

    private async Task WriteWhenDueAsync(ChannelReader<(byte[] Data, int Count, long Due)> chunks, Stream to)
    {
        await foreach (var (data, count, due) in chunks.ReadAllAsync(_stop.Token))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _stop.Token);
            await to.WriteAsync(data.AsMemory(0, count), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets) foreach (var socket in _sockets) socket.Dispose();
        await _accepting;
        _stop.Dispose();
    }
}
