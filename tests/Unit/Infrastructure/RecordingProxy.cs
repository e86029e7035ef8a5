using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SeeMe.Tests.Infrastructure;

/// <summary>One request as it left the client: method, API-relative path, query pairs and JSON body (null when none).</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, JsonNode Body, string ContentType)
{
    public override string ToString() => $"{Method} {Path}{(Query.Count == 0 ? "" : "?" + string.Join("&", Query.Select(q => q.Key + "=" + q.Value)))} {Body?.ToJsonString()}";
}

/// <summary>
/// A recording endpoint in front of a real local server: everything a client sends to
/// <see cref="BaseUri"/> is written down as it arrived and forwarded to the server, whose answer
/// goes back unchanged. Tests see exactly what the module put on the wire, and the server answers.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource<RecordedRequest> _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHeldAbandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingProxy(WebApplication app) => _app = app;

    /// <summary>
    /// Picks the requests that are recorded and then held: never forwarded nor answered, until the client gives up on
    /// them (closes the connection, as a cancelled request does). None by default.
    /// </summary>
    public Func<RecordedRequest, bool> Hold { get; set; } = _ => false;

    /// <summary>The first request <see cref="Hold"/> picked, once it has arrived.</summary>
    public Task<RecordedRequest> FirstHeld => _firstHeld.Task;

    /// <summary>Completes once the client gave up on the first held request: an event only a cancelled request causes.</summary>
    public Task FirstHeldAbandoned => _firstHeldAbandoned.Task;

    private readonly TaskCompletionSource _enoughInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight, _mostInFlight;

    /// <summary>
    /// Holds every request until this many are in the proxy at once, then lets them all go on (and holds none after):
    /// a client that keeps that many requests going meets the mark; one that cannot is let go after 30 s, short of it.
    /// 0 (the default): nothing is held.
    /// </summary>
    public int HoldUntilInFlight { get; set; }

    /// <summary>The most requests that were in the proxy at once (arrived, not yet answered).</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public Uri BaseUri { get; private set; }

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public void Clear() => _requests.Clear();

    public static async Task<RecordingProxy> StartAsync(Uri serverBaseUri)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var proxy = new RecordingProxy(builder.Build());
        proxy._app.Run(context => proxy.ForwardAsync(context, serverBaseUri));
        await proxy._app.StartAsync();
        var address = proxy._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseUri = new Uri(address.TrimEnd('/') + "/api/v1/");
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Uri serverBaseUri)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var relative = request.Path.Value!["/api/v1/".Length..];
        var recorded = new RecordedRequest(request.Method, relative,
            request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList(),
            JsonBody(bytes, request.ContentType), request.ContentType ?? "");
        _requests.Enqueue(recorded);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            await ForwardInFlightAsync(context, serverBaseUri, recorded, bytes, inFlight);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ForwardInFlightAsync(HttpContext context, Uri serverBaseUri, RecordedRequest recorded, byte[] bytes, int inFlight)
    {
        var request = context.Request;
        var relative = recorded.Path;
        for (var most = Volatile.Read(ref _mostInFlight); inFlight > most; most = Volatile.Read(ref _mostInFlight))
            Interlocked.CompareExchange(ref _mostInFlight, inFlight, most);
        if (HoldUntilInFlight > 0)
        {
            if (inFlight >= HoldUntilInFlight) _enoughInFlight.TrySetResult();
            await Task.WhenAny(_enoughInFlight.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        }
        if (Hold(recorded))
        {
            var first = _firstHeld.TrySetResult(recorded);
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
            catch (OperationCanceledException) { }
            if (first) _firstHeldAbandoned.TrySetResult();
            return;
        }

        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(serverBaseUri, relative + request.QueryString.Value));
        if (bytes.Length > 0)
        {
            outgoing.Content = new ByteArrayContent(bytes);
            if (request.ContentType != null) outgoing.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        outgoing.Headers.TryAddWithoutValidation("Authorization", request.Headers.Authorization.ToString());
        using var reply = await _forward.SendAsync(outgoing);
        context.Response.StatusCode = (int)reply.StatusCode;
        if (reply.Content.Headers.ContentType != null) context.Response.ContentType = reply.Content.Headers.ContentType.ToString();
        await reply.Content.CopyToAsync(context.Response.Body);
    }

    private static JsonNode JsonBody(byte[] bytes, string contentType)
    {
        if (bytes.Length == 0 || (contentType ?? "").StartsWith("multipart/")) return null;
        try { return JsonNode.Parse(bytes); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}
