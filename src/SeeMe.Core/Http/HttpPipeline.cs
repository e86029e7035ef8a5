using System;
using System.Net.Http;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// The one place the HTTP stack is assembled (as Octokit's HttpClientAdapter does). Each request
    /// goes, outermost first, through:
    /// <list type="number">
    /// <item><see cref="UserAgentHandler"/>: names the client;</item>
    /// <item><see cref="TraceHandler"/>: reports method, path, status and time of each attempt;</item>
    /// <item>the socket handler: many connections per host, no cookies, no automatic redirects.</item>
    /// </list>
    /// Retries are not a handler: a retried upload must re-open its file, which only the code that built the
    /// content can do, so <see cref="SeeMeConnection"/> loops over attempts with a content factory and
    /// <see cref="RetryPolicy"/> decides. The handlers keep no per-request state, so many requests may be
    /// in flight at once.
    /// </summary>
    internal static class HttpPipeline
    {
        public static HttpClient Create(SeeMeConnectionOptions options, Uri baseUri, HttpMessageHandler? innermost)
        {
            HttpMessageHandler chain = innermost ?? SocketHandler(options);
            chain = new TraceHandler(options, baseUri) { InnerHandler = chain };
            chain = new UserAgentHandler(options.UserAgent) { InnerHandler = chain };
            return new HttpClient(chain)
            {
                BaseAddress = baseUri,
                // Not a total limit: SeeMeConnection times out when no byte moves for options.Timeout.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
        }

        /// <summary>
        /// SocketsHttpHandler where the runtime has it (it alone can bound the connect time; netstandard2.0
        /// cannot name it), else HttpClientHandler (.NET Framework, Windows PowerShell 5.1).
        /// </summary>
        private static HttpMessageHandler SocketHandler(SeeMeConnectionOptions options)
        {
            var socketsType = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
            if (socketsType != null && Activator.CreateInstance(socketsType) is HttpMessageHandler sockets)
            {
                Set(sockets, "MaxConnectionsPerServer", options.MaxConnectionsPerServer);
                Set(sockets, "ConnectTimeout", options.ConnectTimeout);
                Set(sockets, "AllowAutoRedirect", false);
                Set(sockets, "UseCookies", false);
                return sockets;
            }
            return new HttpClientHandler
            {
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
                AllowAutoRedirect = false,
                UseCookies = false,
            };
        }

        private static void Set(object target, string property, object value) =>
            target.GetType().GetProperty(property)?.SetValue(target, value);
    }
}
