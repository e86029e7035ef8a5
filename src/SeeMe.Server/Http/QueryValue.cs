namespace SeeMe.Server.Http;

/// <summary>
/// Query values as the SDKs send them, parsed here rather than by ASP.NET Core's binding, so that a
/// bad value is a 400 with a JSON message naming the parameter (a binding failure is a bare 400).
/// </summary>
public static class QueryValue
{
    /// <summary>Query booleans arrive as True/False/true/1 from the SDKs.</summary>
    public static bool Bool(string name, string? value, bool fallback = false)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (bool.TryParse(value, out var b)) return b;
        if (value == "1") return true;
        if (value == "0") return false;
        throw ApiException.BadRequest($"Query parameter '{name}' must be true or false, not '{value}'.");
    }

    /// <summary>An integer query value within bounds, or a 400 that names the bounds.</summary>
    public static int Int(string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (!int.TryParse(value, out var n) || n < min || n > max)
            throw ApiException.BadRequest($"Query parameter '{name}' must be a whole number from {min} to {max}, not '{value}'.");
        return n;
    }
}
