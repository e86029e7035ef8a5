using System;
using System.Net.Http.Headers;

namespace SeeMe.Core.Http
{
    /// <summary>How a <see cref="SeeMeConnection"/> identifies itself, retries and times out.</summary>
    public sealed class SeeMeConnectionOptions
    {
        /// <summary>Core's own User-Agent product, <c>SeeMe.Core/&lt;version&gt;</c>.</summary>
        public static ProductInfoHeaderValue CoreProduct { get; } =
            new ProductInfoHeaderValue("SeeMe.Core", typeof(SeeMeConnectionOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

        /// <summary>
        /// The User-Agent products, most specific first (a host puts its own name and version here, e.g.
        /// <c>SeeMe.PowerShell/0.1.0 PowerShell/7.4.1</c>). Empty means <see cref="CoreProduct"/>.
        /// </summary>
        public ProductInfoHeaderValue[] UserAgent { get; set; } = Array.Empty<ProductInfoHeaderValue>();

        /// <summary>Retries after the first attempt (0 = never retry).</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>The first back-off wait; it doubles with each retry (with jitter) up to <see cref="MaximumRetryDelay"/>.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest wait between two attempts, a server's Retry-After included.</summary>
        public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
        public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long no byte may move (connecting, sending, waiting for the answer, receiving) before an
        /// attempt fails. Not a total: a long transfer that keeps moving never times out.
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
        /// </summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How long establishing a TCP connection may take (where the runtime lets us set it).</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Concurrent connections to one host (the .NET Framework default is 2).</summary>
        public int MaxConnectionsPerServer { get; set; } = 64;

        /// <summary>Receives a line per attempt and per retry (method, path, status, time; never a header).</summary>
        public Action<HttpTraceEvent>? Trace { get; set; }

        internal SeeMeConnectionOptions Validated()
        {
            if (MaximumRetryCount < 0) throw new ArgumentOutOfRangeException(nameof(MaximumRetryCount), "must be 0 or more");
            if (RetryInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryInterval), "must not be negative");
            if (MaximumRetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaximumRetryDelay), "must not be negative");
            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(nameof(Timeout), "must be positive (or infinite)");
            if (MaxConnectionsPerServer < 1) throw new ArgumentOutOfRangeException(nameof(MaxConnectionsPerServer), "must be 1 or more");
            return this;
        }
    }
}
