using System;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Exceptions;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Calls to a local server that this PowerShell started: once it has exited they fail at once with
    /// LocalServerStopped (what to do, no retries against a refused connection), and its exit ends a call in flight.
    /// </summary>
    public abstract partial class SeeMeCmdlet : IDisposable
    {
        private CancellationTokenSource? _callCancellation;
        private SeeMeLocalServer? _callCancellationServer;

        /// <summary>The local server the calls go to when this PowerShell started it; null for any other service.</summary>
        protected virtual SeeMeLocalServer? LocalServer => _session?.LocalServer;

        public void Dispose() => _callCancellation?.Dispose();

        /// <summary>Starts <paramref name="call"/> with a token that Ctrl+C and the local server's exit both cancel.</summary>
        private Task<T> CallLocalServerAware<T>(Func<CancellationToken, Task<T>> call)
        {
            var server = LocalServer;
            if (server == null) return call(CancellationToken);
            if (server.Process.HasExited) return Task.FromException<T>(server.StoppedError());
            return ReportStop(call(CallToken(server)), server);
        }

        private CancellationToken CallToken(SeeMeLocalServer server)
        {
            if (_callCancellationServer != server)
            {
                _callCancellation?.Dispose();
                _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, server.Process.Exited);
                _callCancellationServer = server;
            }
            return _callCancellation!.Token;
        }

        /// <summary>A call that failed because the server went away (cancelled by its exit, or refused) says so.</summary>
        private async Task<T> ReportStop<T>(Task<T> sent, SeeMeLocalServer server)
        {
            try
            {
                return await sent.ConfigureAwait(false);
            }
            catch (Exception e) when (!CancellationToken.IsCancellationRequested && server.Process.HasExited &&
                                      (e is OperationCanceledException || e is SeeMeApiException { IsConnectionFailure: true }))
            {
                throw server.StoppedError();
            }
        }
    }
}
