using System;
using System.Globalization;

namespace SeeMe.Core.Http
{
    public enum HttpTraceKind
    {
        /// <summary>One attempt finished: with a status, or with a transport failure.</summary>
        Attempt,

        /// <summary>An attempt failed in a way worth retrying: the connection waits and tries again.</summary>
        Retry,
    }

    /// <summary>
    /// One line of what the connection did: method, API path, outcome and time. It holds no header
    /// (and so never the Authorization value) and no body.
    /// </summary>
    public sealed class HttpTraceEvent
    {
        internal HttpTraceEvent(HttpTraceKind kind, string method, string path, int statusCode, string outcome, TimeSpan elapsed,
            int attempt = 0, int maximumAttempts = 0, TimeSpan wait = default)
        {
            Kind = kind;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            Outcome = outcome;
            Elapsed = elapsed;
            Attempt = attempt;
            MaximumAttempts = maximumAttempts;
            Wait = wait;
        }

        public HttpTraceKind Kind { get; }
        public string Method { get; }

        /// <summary>The path relative to the API root, with its query.</summary>
        public string Path { get; }

        /// <summary>The HTTP status, or 0 when no answer came.</summary>
        public int StatusCode { get; }

        /// <summary>"200 (OK)", "503 (ServiceUnavailable)", "connection reset", ...</summary>
        public string Outcome { get; }

        /// <summary>How long the attempt took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>For a retry: the attempt that failed (1 = the first).</summary>
        public int Attempt { get; }

        /// <summary>For a retry: the most attempts that will be made.</summary>
        public int MaximumAttempts { get; }

        /// <summary>For a retry: how long the connection waits before the next attempt.</summary>
        public TimeSpan Wait { get; }

        public override string ToString() => Kind == HttpTraceKind.Retry
            ? $"{Method} {Path}: {Outcome} on attempt {Attempt} of {MaximumAttempts}; retrying in {Seconds(Wait)}."
            : $"{Method} {Path} -> {Outcome} in {Seconds(Elapsed)}";

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";
    }
}
