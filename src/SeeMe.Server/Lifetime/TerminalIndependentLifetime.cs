using System.Runtime.InteropServices;

namespace SeeMe.Server.Lifetime;

/// <summary>
/// The host lifetime of a server that is not the terminal's (--ignore-terminal-signals), in place of ASP.NET Core's
/// console lifetime, whose Ctrl+C handler stops the host. A terminal signals its whole foreground process group, and a
/// server started from a shell (or from PowerShell) is in that group: Ctrl+C (SIGINT), Ctrl+\ (SIGQUIT) and a closed
/// terminal (SIGHUP) would reach it although they were meant for the shell. They are ignored; SIGTERM still stops it
/// cleanly. On Windows the same registrations receive Ctrl+C and Ctrl+Break.
/// </summary>
internal sealed class TerminalIndependentLifetime(IHostApplicationLifetime application) : IHostLifetime, IDisposable
{
    private static readonly PosixSignal[] TerminalSignals = [PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in TerminalSignals)
            _registrations.Add(PosixSignalRegistration.Create(signal, Ignore));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    private static void Ignore(PosixSignalContext context) => context.Cancel = true;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true; // the host stops in order (requests finish, the store closes) instead of the process ending now
        application.StopApplication();
    }
}
