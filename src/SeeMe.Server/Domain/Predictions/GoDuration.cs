namespace SeeMe.Server.Domain.Predictions;

/// <summary>Durations written as Go's time.Duration.String() does ("284.418389ms", "1.5s", "2m3.25s"), as the service reports inference times.</summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        var ns = Math.Max(0, duration.Ticks) * 100;
        if (ns == 0) return "0s";
        if (ns < 1_000) return ns + "ns";
        if (ns < 1_000_000) return Fixed(ns, 1_000, 3) + "µs";
        if (ns < 1_000_000_000) return Fixed(ns, 1_000_000, 6) + "ms";
        var hours = ns / 3_600_000_000_000;
        var minutes = ns / 60_000_000_000 % 60;
        var seconds = Fixed(ns % 60_000_000_000, 1_000_000_000, 9) + "s";
        if (hours > 0) return $"{hours}h{minutes}m{seconds}";
        return minutes > 0 ? $"{minutes}m{seconds}" : seconds;
    }

    // value/unit with up to `digits` decimals, trailing zeros (and a bare dot) dropped.
    private static string Fixed(long value, long unit, int digits)
    {
        var fraction = (value % unit).ToString().PadLeft(digits, '0').TrimEnd('0');
        return fraction.Length == 0 ? (value / unit).ToString() : $"{value / unit}.{fraction}";
    }
}
