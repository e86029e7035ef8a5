using System;
using System.Net.Http.Headers;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// Decides whether a failed attempt is tried again and after how long (the rules of the Azure and AWS
    /// SDK retry policies):
    /// <list type="bullet">
    /// <item>429 and 503 say the service did not act: every request is retried, after the server's
    /// Retry-After (seconds or an HTTP date) when it gives one, capped at the maximum delay;</item>
    /// <item>a connection that was never made (refused, unknown host, connect timeout): every request;</item>
    /// <item>502, 504, a reset, an early close or no bytes moving for the timeout: only
    /// <see cref="Idempotency.Repeatable"/> requests, since the service may have acted;</item>
    /// <item>anything else (4xx, 500, ...) is an answer, not a fault: never retried.</item>
    /// </list>
    /// Waits grow exponentially with jitter; no retry starts past the attempt limit or the time budget.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly Random Jitter = new Random();
        private readonly SeeMeConnectionOptions _options;

        public RetryPolicy(SeeMeConnectionOptions options) => _options = options;

        public int MaximumAttempts => _options.MaximumRetryCount + 1;

        /// <summary>The wait before the next attempt, or null when <paramref name="failure"/> is final.</summary>
        public TimeSpan? NextDelay(AttemptFailure failure, Idempotency idempotency, int attempt, TimeSpan elapsed)
        {
            if (attempt >= MaximumAttempts || !IsRetryable(failure, idempotency)) return null;
            var delay = failure.RetryAfter is TimeSpan asked ? Min(asked, _options.MaximumRetryDelay) : Backoff(attempt);
            return elapsed + delay > _options.RetryBudget ? (TimeSpan?)null : delay;
        }

        public static bool IsRetryable(AttemptFailure failure, Idempotency idempotency)
        {
            switch (failure.StatusCode)
            {
                case 429:
                case 503:
                    return true;
                case 502:
                case 504:
                    return idempotency == Idempotency.Repeatable;
                case 0:
                    return failure.NothingSent || idempotency == Idempotency.Repeatable;
                default:
                    return false;
            }
        }

        /// <summary>RetryInterval × 2^(attempt-1), capped, then a random 50–100 % of it (so clients that failed together spread out).</summary>
        private TimeSpan Backoff(int attempt)
        {
            var exponential = _options.RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
            var capped = Math.Min(exponential, _options.MaximumRetryDelay.TotalMilliseconds);
            double share;
            lock (Jitter) share = 0.5 + Jitter.NextDouble() / 2;
            return TimeSpan.FromMilliseconds(capped * share);
        }

        /// <summary>Retry-After as seconds or as an HTTP date (then relative to <paramref name="now"/>); null when absent or unreadable.</summary>
        public static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
        {
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
            return null;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    /// <summary>Why one attempt failed: an HTTP status, or a transport failure (status 0).</summary>
    internal sealed class AttemptFailure
    {
        public AttemptFailure(int statusCode, string serverMessage, string reason, TimeSpan? retryAfter = null, bool nothingSent = false,
            Exception? exception = null, bool timedOut = false)
        {
            TimedOut = timedOut;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
            Reason = reason;
            RetryAfter = retryAfter;
            NothingSent = nothingSent;
            Exception = exception;
        }

        public int StatusCode { get; }

        /// <summary>The server's message, or a description of the transport failure.</summary>
        public string ServerMessage { get; }

        /// <summary>Short, for the retry line: "503 (ServiceUnavailable)", "connection reset", ...</summary>
        public string Reason { get; }

        public TimeSpan? RetryAfter { get; }
        public bool NothingSent { get; }
        public bool TimedOut { get; }
        public Exception? Exception { get; }
    }
}
