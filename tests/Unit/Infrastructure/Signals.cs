using System.Runtime.InteropServices;

namespace SeeMe.Tests.Infrastructure;

/// <summary>Unix signals as a terminal or `kill` sends them.</summary>
public static class Signals
{
    // The same numbers on Linux and macOS.
    public const int Hangup = 1;    // SIGHUP: the terminal was closed
    public const int Interrupt = 2; // SIGINT: Ctrl+C
    public const int Quit = 3;      // SIGQUIT: Ctrl+\
    public const int Terminate = 15; // SIGTERM: kill's default, a service manager's stop
    public static int Stop => OperatingSystem.IsMacOS() ? 17 : 19; // SIGSTOP: the process stays, and answers nothing

    /// <summary>Sends <paramref name="signal"/> to one process, or with a negative id to a whole process group.</summary>
    public static void Send(int processOrGroup, int signal)
    {
        if (kill(processOrGroup, signal) != 0) throw new InvalidOperationException($"kill({processOrGroup}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>
    /// Whether this process ignores SIGINT (it was started as a shell's background job): its children inherit that, so
    /// a test of what Ctrl+C does would prove nothing. Linux tells it in /proc; elsewhere it is taken as not ignored.
    /// </summary>
    public static bool InterruptIgnoredHere()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return false;
        var ignored = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:"));
        return ignored != null && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & (1UL << (Interrupt - 1))) != 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}

/// <summary>A test of Unix process signals; skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix signals and process groups";
    }
}

/// <summary>A test of what a terminal's Ctrl+C (SIGINT) does; skipped on Windows, and where this process ignores SIGINT.</summary>
public sealed class CtrlCFactAttribute : FactAttribute
{
    public CtrlCFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix signals and process groups";
        else if (Signals.InterruptIgnoredHere()) Skip = "this test process was started ignoring SIGINT (a background job), and its children inherit that";
    }
}
