namespace SeeMe.Server;

/// <summary>
/// What a launcher waits for: once the server answers, it prints one line "SeeMe local server listening on " + the
/// API base URI on stdout. Started with <c>--urls http://127.0.0.1:0</c>, the system picks a free port and this line
/// tells which (no launcher guesses a free port and races another process for it).
/// </summary>
public static class ReadyLine
{
    public const string Prefix = "SeeMe local server listening on ";

    public static string For(Uri baseUri) => Prefix + baseUri;
}
