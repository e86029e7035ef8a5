using System;
using System.Net.Http;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// A request as <see cref="SeeMeConnection"/> sends it, possibly several times: the body is a
    /// factory, called once per attempt, so a retried upload re-opens its file.
    /// </summary>
    internal sealed class SeeMeRequest
    {
        public SeeMeRequest(HttpMethod method, string path, Idempotency idempotency)
        {
            Method = method;
            Path = path;
            Idempotency = idempotency;
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the API root.</summary>
        public string Path { get; }

        public Idempotency Idempotency { get; }

        /// <summary>Builds a fresh body for each attempt (reads of it should touch the attempt's timer).</summary>
        public Func<InactivityTimer, HttpContent>? Content { get; set; }

        /// <summary>A file download: accepts any media type and follows redirects (without credentials to another host).</summary>
        public bool IsDownload { get; set; }

        /// <summary>Adds per-attempt headers (a download's Range when it resumes).</summary>
        public Action<HttpRequestMessage>? Prepare { get; set; }
    }
}
