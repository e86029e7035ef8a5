using System;
using System.Threading;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// Where trace lines go besides <see cref="SeeMeConnectionOptions.Trace"/>: a listener for the calls
    /// started inside a <see cref="Listen"/> scope (it flows with async code, so two commands sharing one
    /// connection each get their own lines).
    /// </summary>
    public static class HttpTrace
    {
        private static readonly AsyncLocal<Action<HttpTraceEvent>?> Listener = new AsyncLocal<Action<HttpTraceEvent>?>();

        /// <summary>Sends the trace lines of the calls started before the returned scope is disposed to <paramref name="listener"/>.</summary>
        public static IDisposable Listen(Action<HttpTraceEvent> listener)
        {
            var previous = Listener.Value;
            Listener.Value = listener ?? throw new ArgumentNullException(nameof(listener));
            return new Scope(previous);
        }

        internal static void Report(SeeMeConnectionOptions options, HttpTraceEvent line)
        {
            options.Trace?.Invoke(line);
            Listener.Value?.Invoke(line);
        }

        private sealed class Scope : IDisposable
        {
            private readonly Action<HttpTraceEvent>? _previous;

            public Scope(Action<HttpTraceEvent>? previous) => _previous = previous;

            public void Dispose() => Listener.Value = _previous;
        }
    }
}
