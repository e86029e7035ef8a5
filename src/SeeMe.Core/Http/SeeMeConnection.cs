using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Exceptions;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// The single funnel every request goes through: it adds the <c>Authorization: username:apikey</c>
    /// header, sends through the <see cref="HttpPipeline"/>, retries what <see cref="RetryPolicy"/> allows,
    /// times out an attempt when no byte moves for <see cref="SeeMeConnectionOptions.Timeout"/>, and turns
    /// the final failure into <see cref="SeeMeApiException"/>. One HttpClient per connection, so
    /// connections are reused; safe for many requests at once.
    /// </summary>
    public sealed class SeeMeConnection : IDisposable
    {
        private const int MaxRedirects = 5;
        private readonly HttpClient _http;
        private readonly RetryPolicy _retry;
        private volatile Credentials? _credentials;

        public SeeMeConnection(Uri baseUri, HttpMessageHandler? handler = null)
            : this(baseUri, new SeeMeConnectionOptions(), handler)
        {
        }

        /// <summary><paramref name="handler"/>: the innermost handler (instead of the socket handler), e.g. a test's fake.</summary>
        public SeeMeConnection(Uri baseUri, SeeMeConnectionOptions options, HttpMessageHandler? handler = null)
        {
            if (!Ensure.NotNull(baseUri, nameof(baseUri)).IsAbsoluteUri)
                throw new ArgumentException($"The base URI '{baseUri}' is not absolute: give the API root, such as {SeeMeClient.DefaultBaseUri}.", nameof(baseUri));
            Options = Ensure.NotNull(options, nameof(options)).Validated();
            BaseUri = WithTrailingSlash(baseUri);
            _retry = new RetryPolicy(Options);
            _http = HttpPipeline.Create(Options, BaseUri, handler);
        }

        /// <summary>The API root, always ending in '/'.</summary>
        public Uri BaseUri { get; }

        /// <summary>User-Agent, retry and timeout settings (read them; changing them later is not supported).</summary>
        public SeeMeConnectionOptions Options { get; }

        public string? Username => _credentials?.Username;

        public bool HasCredentials => _credentials != null;

        public void SetCredentials(string username, string apiKey) =>
            _credentials = new Credentials(Ensure.NotNullOrEmpty(username, nameof(username)), Ensure.NotNullOrEmpty(apiKey, nameof(apiKey)));

        public void ClearCredentials() => _credentials = null;

        /// <summary>Sends a JSON request, retried as its method suggests (a POST is taken for a <see cref="Idempotency.Create"/>).</summary>
        public Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
            SendJsonAsync<T>(method, path, body, method == HttpMethod.Post ? Idempotency.Create : Idempotency.Repeatable, cancellationToken);

        public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, Idempotency idempotency, CancellationToken cancellationToken)
        {
            var json = body == null ? null : SeeMeJson.Serialize(body);
            var request = new SeeMeRequest(method, path, idempotency);
            if (json != null) request.Content = _ => new StringContent(json, Encoding.UTF8, "application/json");
            var text = await SendAsync(request, ReadTextAsync, cancellationToken).ConfigureAwait(false);
            return SeeMeJson.Deserialize<T>(text);
        }

        /// <summary>
        /// Sends <paramref name="request"/> and hands the successful response to <paramref name="readBody"/>,
        /// within the same attempt: a body that breaks off is retried like a failed send.
        /// </summary>
        internal async Task<T> SendAsync<T>(SeeMeRequest request, Func<HttpResponseMessage, InactivityTimer, Task<T>> readBody, CancellationToken cancellationToken)
        {
            var started = Stopwatch.StartNew();
            var mayHaveActed = false; // an earlier attempt may have been processed although its answer was lost
            for (var attempt = 1; ; attempt++)
            {
                AttemptFailure failure;
                using (var timer = new InactivityTimer(Options.Timeout, cancellationToken))
                {
                    try
                    {
                        var (succeeded, value, refused) = await AttemptAsync(request, readBody, timer).ConfigureAwait(false);
                        if (succeeded) return value;
                        failure = refused!;
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested && (timer.Expired || TransportFailure.IsTransport(e)))
                    {
                        failure = TransportFailureOf(e, timer);
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
                var delay = _retry.NextDelay(failure, request.Idempotency, attempt, started.Elapsed);
                if (delay == null) throw FinalError(request, failure, attempt, mayHaveActed);
                mayHaveActed |= !failure.NothingSent && failure.StatusCode != 429 && failure.StatusCode != 503;
                HttpTrace.Report(Options, new HttpTraceEvent(HttpTraceKind.Retry, request.Method.Method, request.Path, failure.StatusCode, failure.Reason,
                    started.Elapsed, attempt, _retry.MaximumAttempts, delay.Value));
                await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        private static SeeMeApiException FinalError(SeeMeRequest request, AttemptFailure failure, int attempts, bool mayHaveActed)
        {
            var message = failure.ServerMessage;
            if (mayHaveActed && failure.StatusCode == 404 && request.Method == HttpMethod.Delete)
                message += " (an earlier attempt, whose answer was lost, may have deleted it)";
            return new SeeMeApiException(failure.StatusCode, message, request.Method.Method, request.Path, failure.Exception, attempts, failure.TimedOut);
        }

        /// <summary>One attempt (following a download's redirects): the read body, or the failure the service answered.</summary>
        private async Task<(bool Succeeded, T Value, AttemptFailure? Failure)> AttemptAsync<T>(SeeMeRequest request,
            Func<HttpResponseMessage, InactivityTimer, Task<T>> readBody, InactivityTimer timer)
        {
            var uri = new Uri(BaseUri, request.Path);
            for (var hop = 0; ; hop++)
            {
                using var message = Message(request, uri, timer);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timer.Token).ConfigureAwait(false);
                using var abortOnTimeout = timer.Token.Register(response.Dispose); // .NET Framework ignores the token on body reads
                timer.Touch();
                if (request.IsDownload && IsRedirect(response) && hop < MaxRedirects)
                {
                    uri = new Uri(uri, response.Headers.Location!);
                    continue;
                }
                if (!response.IsSuccessStatusCode) return (false, default!, await FailureOfAsync(response, timer).ConfigureAwait(false));
                return (true, await readBody(response, timer).ConfigureAwait(false), null);
            }
        }

        private HttpRequestMessage Message(SeeMeRequest request, Uri uri, InactivityTimer timer)
        {
            var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content?.Invoke(timer) };
            // Credentials go only to the API's own origin: a download redirected to storage elsewhere goes without them.
            if (_credentials is Credentials credentials && SameOrigin(uri, BaseUri))
                message.Headers.TryAddWithoutValidation("Authorization", credentials.Username + ":" + credentials.ApiKey);
            message.Headers.Accept.Add(request.IsDownload ? new MediaTypeWithQualityHeaderValue("*/*") : new MediaTypeWithQualityHeaderValue("application/json"));
            request.Prepare?.Invoke(message);
            return message;
        }

        private static async Task<AttemptFailure> FailureOfAsync(HttpResponseMessage response, InactivityTimer timer)
        {
            var status = (int)response.StatusCode;
            var message = await ReadServerMessageAsync(response, timer).ConfigureAwait(false);
            var retryAfter = RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
            return new AttemptFailure(status, message, $"{status} ({response.StatusCode})", retryAfter);
        }

        private AttemptFailure TransportFailureOf(Exception e, InactivityTimer timer)
        {
            if (timer.Expired)
            {
                var seconds = timer.Timeout.TotalSeconds;
                return new AttemptFailure(0, $"No bytes moved for {seconds:0.###} s (the inactivity timeout): the service may be hung or the network down.",
                    $"no bytes moved for {seconds:0.###} s", exception: e, timedOut: true);
            }
            var reason = TransportFailure.Describe(e);
            var nothingSent = TransportFailure.NothingSent(e);
            var detail = Innermost(e).Message;
            var message = detail.IndexOf(reason, StringComparison.OrdinalIgnoreCase) >= 0 ? detail : $"{detail} ({reason})";
            if (nothingSent) message += $" (is {BaseUri} right and the server running?)";
            return new AttemptFailure(0, message, reason, nothingSent: nothingSent, exception: e);
        }

        internal static async Task<string> ReadTextAsync(HttpResponseMessage response, InactivityTimer timer)
        {
            using var body = new ProgressStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), "", null, null, timer);
            using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        /// <summary>The service's JSON <c>message</c>; for anything else (a proxy's HTML page) the status text, never the page.</summary>
        private static async Task<string> ReadServerMessageAsync(HttpResponseMessage response, InactivityTimer timer)
        {
            string text;
            try { text = await ReadTextAsync(response, timer).ConfigureAwait(false); }
            catch (Exception e) when (TransportFailure.IsTransport(e) || e is OperationCanceledException) { return response.ReasonPhrase ?? ""; }
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("<", StringComparison.Ordinal))
                return $"{response.ReasonPhrase} (an HTML page, not the service's answer: a proxy or gateway in between answered)".Trim();
            try
            {
                if (JToken.Parse(text) is JObject o && o["message"] is JToken m) return m.ToString();
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // not JSON: fall through to the raw text
            }
            return text.Length > 500 ? text.Substring(0, 500) : text;
        }

        private static bool IsRedirect(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            return response.Headers.Location != null && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        public void Dispose() => _http.Dispose();

        /// <summary>Replaced as a whole, so a request in flight never sees half of a change.</summary>
        private sealed class Credentials
        {
            public Credentials(string username, string apiKey)
            {
                Username = username;
                ApiKey = apiKey;
            }

            public string Username { get; }
            public string ApiKey { get; }
        }
    }
}
