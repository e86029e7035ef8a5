using System;
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
    /// header, sends, and turns any failure into <see cref="SeeMeApiException"/>. One HttpClient per
    /// connection, so connections are reused.
    /// </summary>
    public sealed class SeeMeConnection : IDisposable
    {
        private readonly HttpClient _http;
        private string? _username;
        private string? _apiKey;

        public SeeMeConnection(Uri baseUri, HttpMessageHandler? handler = null)
        {
            Ensure.NotNull(baseUri, nameof(baseUri));
            BaseUri = WithTrailingSlash(baseUri);
            _http = handler == null ? new HttpClient() : new HttpClient(handler);
            _http.BaseAddress = BaseUri;
            _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // callers cancel; uploads may be long
        }

        /// <summary>The API root, always ending in '/'.</summary>
        public Uri BaseUri { get; }

        public string? Username => _username;

        public bool HasCredentials => _username != null && _apiKey != null;

        public void SetCredentials(string username, string apiKey)
        {
            _username = Ensure.NotNullOrEmpty(username, nameof(username));
            _apiKey = Ensure.NotNullOrEmpty(apiKey, nameof(apiKey));
        }

        public void ClearCredentials()
        {
            _username = null;
            _apiKey = null;
        }

        public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        {
            using var content = body == null ? null : new StringContent(SeeMeJson.Serialize(body), Encoding.UTF8, "application/json");
            using var response = await SendAsync(method, path, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return SeeMeJson.Deserialize<T>(text);
        }

        /// <summary>Sends one request and returns the successful response (the caller disposes it).</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content,
            HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            if (HasCredentials)
                request.Headers.TryAddWithoutValidation("Authorization", _username + ":" + _apiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new SeeMeApiException(0, $"{e.Message} (is {BaseUri} right and the server running?)", method.Method, path, e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SeeMeApiException(0, "The request timed out.", method.Method, path, e);
            }

            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                var message = await ReadServerMessageAsync(response).ConfigureAwait(false);
                throw new SeeMeApiException((int)response.StatusCode, message, method.Method, path);
            }
        }

        private static async Task<string> ReadServerMessageAsync(HttpResponseMessage response)
        {
            string text;
            try { text = await response.Content.ReadAsStringAsync().ConfigureAwait(false); }
            catch (HttpRequestException) { return response.ReasonPhrase ?? ""; }
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

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        public void Dispose() => _http.Dispose();
    }
}
