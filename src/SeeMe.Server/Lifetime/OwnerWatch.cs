using System.Diagnostics;

namespace SeeMe.Server.Lifetime;

/// <summary>
/// Stops the server when the process it belongs to (--owner-pid) exits, however it exits: a PowerShell that was
/// closed or killed must not leave its server holding a port and a data folder with nobody left to stop it.
/// </summary>
internal sealed class OwnerWatch(ServerOptions options, IHostApplicationLifetime application) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var owner = Running(options.OwnerProcessId!.Value);
        // On Windows this waits on the process handle; on Unix, where no event tells a process that is not the
        // parent, .NET checks the pid (kill -0) at most 100 ms apart.
        if (owner != null) await owner.WaitForExitAsync(stoppingToken);
        application.StopApplication();
    }

    private static Process? Running(int processId)
    {
        try
        {
            return Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return null; // already gone
        }
    }
}
