using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Tests.Core;

/// <summary>
/// SeeMeConnection over a fake handler, only for answers the local server never gives (as Octokit's
/// ConnectionTests do): a gateway's HTML 502 page, a 429 without Retry-After, Retry-After as a date, a
/// download with no Content-Length, redirects to storage, and a resumed download. Everything else is
/// tested against the real server (FaultToleranceTests).
/// </summary>
public sealed class SeeMeConnectionTests : IDisposable
{
    private static readonly Uri Api = new("https://api.example.test/api/v1/");
    private readonly string _folder = Directory.CreateTempSubdirectory("seeme-conn-").FullName;
    private readonly ConcurrentQueue<HttpTraceEvent> _trace = new();

    private readonly List<SeeMeConnection> _connections = [];

    public void Dispose()
    {
        _connections.ForEach(c => c.Dispose());
        Directory.Delete(_folder, recursive: true);
    }

    private ApiConnection Client(FakeHandler handler)
    {
        var connection = new SeeMeConnection(Api, new SeeMeConnectionOptions
        {
            MaximumRetryCount = 2,
            RetryInterval = TimeSpan.FromMilliseconds(20),
            MaximumRetryDelay = TimeSpan.FromMilliseconds(200),
            Trace = _trace.Enqueue,
        }, handler);
        connection.SetCredentials("someone", "secret-key-123");
        _connections.Add(connection);
        return new ApiConnection(connection);
    }

    private static Task<List<Model>> GetModels(ApiConnection api) => api.GetAsync<List<Model>>("models", default);

    private List<HttpTraceEvent> Retries => _trace.Where(e => e.Kind == HttpTraceKind.Retry).ToList();

    [Fact]
    public async Task A_gateways_HTML_502_page_is_retried_and_then_reported_without_the_page()
    {
        var handler = new FakeHandler(_ => Html(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"));
        var client = Client(handler);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => GetModels(client));

        Assert.Equal((502, 3), (e.StatusCode, e.Attempts));
        Assert.DoesNotContain("<html>", e.Message);
        Assert.Contains("HTML page", e.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially_with_jitter()
    {
        var handler = new FakeHandler(n => n <= 2 ? new HttpResponseMessage((HttpStatusCode)429) : Json("[]"));
        var client = Client(handler);

        await GetModels(client);

        var waits = Retries.Select(r => r.Wait.TotalMilliseconds).ToList();
        Assert.Equal(2, waits.Count);
        Assert.InRange(waits[0], 10, 20); // 20 ms × 2^0, 50–100 %
        Assert.InRange(waits[1], 20, 40); // 20 ms × 2^1, 50–100 %
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_honoured()
    {
        var handler = new FakeHandler(n =>
        {
            if (n > 1) return Json("[]");
            var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
            return busy;
        });
        var client = Client(handler);

        await GetModels(client);

        Assert.Equal(TimeSpan.FromMilliseconds(200), Assert.Single(Retries).Wait); // 30 s asked, capped at 200 ms
    }

    [Fact]
    public async Task A_download_with_no_Content_Length_is_saved_whole_with_an_unknown_total()
    {
        var content = Encoding.UTF8.GetBytes(new string('x', 300_000));
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(content) });
        var client = Client(handler);
        var progress = new List<TransferProgress>();

        var saved = await client.DownloadAsync("models/m/download/pkl", Path.Combine(_folder, "m.pkl"), false, new SyncProgress(progress.Add), default);

        Assert.Equal(content, File.ReadAllBytes(saved.FullName));
        Assert.All(progress, p => Assert.Null(p.TotalBytes));
        Assert.Equal(content.Length, progress[^1].BytesTransferred);
        Assert.Equal("*/*", Assert.Single(handler.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public async Task A_download_follows_redirects_and_sends_the_key_only_to_the_APIs_own_host()
    {
        var handler = new FakeHandler(n => n switch
        {
            1 => Redirect(HttpStatusCode.Found, "/api/v1/files/m.pkl"),
            2 => Redirect(HttpStatusCode.TemporaryRedirect, "https://storage.example.test/bucket/m.pkl?sig=abc"),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) },
        });
        var client = Client(handler);

        var saved = await client.DownloadAsync("models/m/download/pkl", Path.Combine(_folder, "r.pkl"), false, null, default);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(saved.FullName));
        Assert.Equal(["https://api.example.test/api/v1/models/m/download/pkl", "https://api.example.test/api/v1/files/m.pkl", "https://storage.example.test/bucket/m.pkl?sig=abc"],
            handler.Requests.Select(r => r.RequestUri!.AbsoluteUri));
        Assert.Equal([true, true, false], handler.Requests.Select(r => r.Headers.Contains("Authorization")));
        Assert.DoesNotContain(_trace, e => e.ToString().Contains("sig=abc"));
    }

    [Fact]
    public async Task A_JSON_call_does_not_follow_a_redirect()
    {
        var handler = new FakeHandler(_ => Redirect(HttpStatusCode.Found, "https://elsewhere.example.test/"));
        var client = Client(handler);

        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => GetModels(client));

        Assert.Equal(302, e.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_broken_download_resumes_with_Range_where_the_server_offers_it()
    {
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        var handler = new FakeHandler((n, request) =>
        {
            if (n == 1)
            {
                var first = new HttpResponseMessage(HttpStatusCode.OK) { Content = new BreakingContent(content, breakAfter: 120_000) };
                first.Headers.AcceptRanges.Add("bytes");
                first.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
                return first;
            }
            var from = (int)request.Headers.Range!.Ranges.Single().From!.Value;
            var rest = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(content[from..]) };
            rest.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, content.Length - 1, content.Length);
            return rest;
        });
        var client = Client(handler);

        var saved = await client.DownloadAsync("models/m/download/pkl", Path.Combine(_folder, "resumed.pkl"), false, null, default);

        Assert.Equal(content, File.ReadAllBytes(saved.FullName));
        var second = handler.Requests[1];
        Assert.True(second.Headers.Range!.Ranges.Single().From > 0);
        Assert.Equal("\"v1\"", second.Headers.IfRange!.EntityTag!.Tag);
        Assert.Equal(["resumed.pkl"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_that_exists_is_not_replaced_and_the_message_speaks_no_PowerShell()
    {
        var existing = Path.Combine(_folder, "exists.pkl");
        File.WriteAllText(existing, "keep me");
        var client = Client(new FakeHandler(_ => throw new InvalidOperationException("no request expected")));

        var e = await Assert.ThrowsAsync<IOException>(() => client.DownloadAsync("models/m/download/pkl", existing, false, null, default));

        Assert.DoesNotContain("-Force", e.Message);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    /// <summary>Answers the n-th request (1 = the first) and keeps every request it saw.</summary>
    private sealed class FakeHandler(Func<int, HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public FakeHandler(Func<int, HttpResponseMessage> answer) : this((n, _) => answer(n)) { }

        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request);
            int n;
            lock (Requests) n = Requests.Count;
            return Task.FromResult(answer(n, request));
        }
    }

    /// <summary>A body whose length is not known up front (chunked on the wire).</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext context) => stream.WriteAsync(bytes, 0, bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A body that declares its full length but breaks off with an IOException after <c>breakAfter</c> bytes.</summary>
    private sealed class BreakingContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _breakAfter;

        public BreakingContent(byte[] bytes, int breakAfter)
        {
            _bytes = bytes;
            _breakAfter = breakAfter;
            Headers.ContentLength = bytes.Length;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new BreakingStream(_bytes, _breakAfter));

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }

    private sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes, 0, breakAfter)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("The connection was reset.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = base.Read(buffer.Span);
            return read > 0 ? ValueTask.FromResult(read) : throw new IOException("The connection was reset.");
        }
    }

    private sealed class SyncProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
