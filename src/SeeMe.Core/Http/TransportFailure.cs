using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace SeeMe.Core.Http
{
    /// <summary>Reads what a transport exception (no HTTP answer) says about the connection.</summary>
    internal static class TransportFailure
    {
        /// <summary>True for the exceptions a broken connection throws (as opposed to a bug or a cancellation).</summary>
        public static bool IsTransport(Exception e) =>
            e is HttpRequestException || e is TransferBrokenException || e is IOException && FindSocketError(e) != null || e is WebException ||
            e is OperationCanceledException && IsConnectTimeout(e);

        /// <summary>The runtime's connect timeout (SocketsHttpHandler.ConnectTimeout) surfaces as a TimeoutException inside.</summary>
        public static bool IsConnectTimeout(Exception e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
                if (inner is TimeoutException) return true;
            return false;
        }

        /// <summary>
        /// True when the request cannot have reached the service: the connection was never made
        /// (refused, unknown host, unreachable). A reset or early close after connecting is not such a case.
        /// </summary>
        public static bool NothingSent(Exception e)
        {
            switch (FindSocketError(e))
            {
                case SocketError.ConnectionRefused:
                case SocketError.HostNotFound:
                case SocketError.HostUnreachable:
                case SocketError.NetworkUnreachable:
                case SocketError.TryAgain:
                case SocketError.NoData:
                    return true;
            }
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                    return true; // .NET Framework
            }
            return IsConnectTimeout(e);
        }

        /// <summary>"connection refused", "connection reset", "connection closed early", ...</summary>
        public static string Describe(Exception e)
        {
            if (IsConnectTimeout(e)) return "connection timed out";
            switch (FindSocketError(e))
            {
                case SocketError.ConnectionRefused: return "connection refused";
                case SocketError.ConnectionReset: return "connection reset";
                case SocketError.ConnectionAborted: return "connection aborted";
                case SocketError.HostNotFound: return "host not found";
                case SocketError.TimedOut: return "connection timed out";
                case SocketError s: return "connection failed (" + s + ")";
            }
            for (var inner = e; inner != null; inner = inner.InnerException)
                if (inner.Message.IndexOf("prematurely", StringComparison.OrdinalIgnoreCase) >= 0 ||
                    inner.Message.IndexOf("closed", StringComparison.OrdinalIgnoreCase) >= 0)
                    return "connection closed early";
            return Innermost(e).Message;
        }

        private static SocketError? FindSocketError(Exception e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
                if (inner is SocketException socket) return socket.SocketErrorCode;
            return null;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }

    /// <summary>A response body (or an upload's source) stopped in the middle of a transfer.</summary>
    internal sealed class TransferBrokenException : IOException
    {
        public TransferBrokenException(Exception inner) : base(inner.Message, inner) { }
    }
}
