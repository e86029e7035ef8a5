using System.Globalization;
using System.Text.RegularExpressions;

namespace SeeMe.Tests.Infrastructure;

/// <summary>Durations as the service writes them (Go's time.Duration.String()), read back for assertions.</summary>
public static class GoDurationText
{
    /// <summary>Reads a Go duration string ("284.4184ms", "2m3.25s", "1h0m0s"); fails the test on anything else.</summary>
    public static TimeSpan Parse(string text)
    {
        var match = Regex.Match(text, @"^(?:(\d+(?:\.\d+)?)(h|m(?!s)|s|ms|µs|ns))+$");
        Assert.True(match.Success, $"'{text}' is not a Go duration");
        var total = 0.0;
        for (var i = 0; i < match.Groups[1].Captures.Count; i++)
        {
            var value = double.Parse(match.Groups[1].Captures[i].Value, CultureInfo.InvariantCulture);
            total += value * match.Groups[2].Captures[i].Value switch
            {
                "h" => 3600e9, "m" => 60e9, "s" => 1e9, "ms" => 1e6, "µs" => 1e3, _ => 1,
            };
        }
        return TimeSpan.FromTicks((long)Math.Round(total / 100));
    }
}
