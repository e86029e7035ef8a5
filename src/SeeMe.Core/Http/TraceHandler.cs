using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// Reports each attempt (method, API path, status or failure, time to the answer) to the trace
    /// listeners. It reads no header, so the Authorization value cannot leak through it.
    /// </summary>
    internal sealed class TraceHandler : DelegatingHandler
    {
        private readonly SeeMeConnectionOptions _options;
        private readonly Uri _baseUri;

        public TraceHandler(SeeMeConnectionOptions options, Uri baseUri)
        {
            _options = options;
            _baseUri = baseUri;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                Report(request, (int)response.StatusCode, $"{(int)response.StatusCode} ({response.StatusCode})", watch.Elapsed);
                return response;
            }
            catch (Exception e)
            {
                Report(request, 0, cancellationToken.IsCancellationRequested ? "cancelled" : TransportFailure.Describe(e), watch.Elapsed);
                throw;
            }
        }

        private void Report(HttpRequestMessage request, int status, string outcome, TimeSpan elapsed) =>
            HttpTrace.Report(_options, new HttpTraceEvent(HttpTraceKind.Attempt, request.Method.Method, ShownPath(_baseUri, request.RequestUri!), status, outcome, elapsed));

        /// <summary>The path relative to the API root; another host (a redirect to storage) without its query, which may hold a signature.</summary>
        internal static string ShownPath(Uri baseUri, Uri uri) =>
            baseUri.IsBaseOf(uri)
                ? Uri.UnescapeDataString(baseUri.MakeRelativeUri(uri).OriginalString)
                : uri.GetLeftPart(UriPartial.Path);
    }
}
