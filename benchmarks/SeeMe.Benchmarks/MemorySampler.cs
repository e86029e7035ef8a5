using System.Diagnostics;

namespace SeeMe.Benchmarks;

/// <summary>Samples this process's working set and managed heap while a piece of work runs.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakManaged;

    private MemorySampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    public double PeakWorkingSetMb => _peakWorkingSet / 1048576.0;
    public double PeakManagedMb => _peakManaged / 1048576.0;

    private void Sample()
    {
        using var self = Process.GetCurrentProcess();
        InterlockedMax(ref _peakWorkingSet, self.WorkingSet64);
        InterlockedMax(ref _peakManaged, GC.GetTotalMemory(false));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }
}
