using System;
using System.Net;

namespace SeeMe.Core.Exceptions
{
    /// <summary>
    /// Every failed SeeMe call: the HTTP status (0 when no answer came), the server's message, the
    /// method and the API-relative path. It never carries credentials.
    /// </summary>
    public class SeeMeApiException : Exception
    {
        public SeeMeApiException(int statusCode, string serverMessage, string method, string path, Exception? inner = null, int attempts = 1, bool timedOut = false)
            : base(Describe(statusCode, serverMessage, method, path, attempts), inner)
        {
            IsTimeout = timedOut;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
            Method = method;
            Path = path;
            Attempts = attempts;
        }

        /// <summary>The HTTP status code, or 0 when the server could not be reached.</summary>
        public int StatusCode { get; }

        /// <summary>What the server said (its JSON <c>message</c>), or a description of the transport failure.</summary>
        public string ServerMessage { get; }

        public string Method { get; }

        /// <summary>How many times the request was sent before giving up (1 when it was not retried).</summary>
        public int Attempts { get; }

        /// <summary>The path relative to the API root, e.g. <c>models/123</c>.</summary>
        public string Path { get; }

        public bool IsNotFound => StatusCode == (int)HttpStatusCode.NotFound;
        public bool IsUnauthorized => StatusCode == (int)HttpStatusCode.Unauthorized;
        public bool IsForbidden => StatusCode == (int)HttpStatusCode.Forbidden;
        public bool IsConnectionFailure => StatusCode == 0;

        /// <summary>No byte moved for the connection's inactivity timeout (the service may be hung).</summary>
        public bool IsTimeout { get; }

        private static string Describe(int statusCode, string serverMessage, string method, string path, int attempts)
        {
            var what = statusCode == 0 ? "got no answer from the server" : $"failed with {statusCode} ({(HttpStatusCode)statusCode})";
            var tries = attempts > 1 ? $" after {attempts} attempts" : "";
            var message = string.IsNullOrWhiteSpace(serverMessage) ? "" : ": " + serverMessage.Trim();
            return $"{method} {path} {what}{tries}{message}";
        }
    }
}
