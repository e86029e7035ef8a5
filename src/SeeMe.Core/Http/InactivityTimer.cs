using System;
using System.Threading;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// One attempt's watchdog: its token is cancelled when no byte has moved for the timeout (or when the
    /// caller cancels). Every read of the request body or the response body calls <see cref="Touch"/>, so a
    /// long transfer that keeps moving never times out, while a hung service does.
    /// </summary>
    internal sealed class InactivityTimer : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationToken _caller;

        public InactivityTimer(TimeSpan timeout, CancellationToken caller)
        {
            Timeout = timeout;
            _caller = caller;
            _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
            Touch();
        }

        public TimeSpan Timeout { get; }

        /// <summary>Cancelled when the attempt has been idle too long or the caller cancelled.</summary>
        public CancellationToken Token => _source.Token;

        /// <summary>True when the attempt ended because nothing moved (not because the caller cancelled).</summary>
        public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

        /// <summary>Bytes moved: the idle clock starts again.</summary>
        public void Touch()
        {
            if (Timeout == System.Threading.Timeout.InfiniteTimeSpan) return;
            try { _source.CancelAfter(Timeout); }
            catch (ObjectDisposedException) { /* a late read after the attempt ended */ }
        }

        public void Dispose() => _source.Dispose();
    }
}
