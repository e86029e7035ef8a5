namespace SeeMe.Server;

/// <summary>
/// The start line that tells how to connect: a PowerShell command that works as printed, pasted into pwsh or Windows
/// PowerShell with the module loaded (-ApiKey takes a SecureString, so the key is made one in the command).
/// </summary>
public static class ConnectLine
{
    public const string Prefix = "Connect with: ";

    public static string For(Uri baseUri, SeedUser user) =>
        $"{Prefix}Connect-SeeMe -BaseUri {baseUri} -Username {Quoted(user.Username)} -ApiKey (ConvertTo-SecureString {Quoted(user.ApiKey)} -AsPlainText -Force)";

    /// <summary>A PowerShell single-quoted string: each quote PowerShell takes for one (typographic ones too) doubled.</summary>
    private static string Quoted(string text) =>
        "'" + string.Concat(text.Select(c => "'\u2018\u2019\u201A\u201B".Contains(c) ? new string(c, 2) : c.ToString())) + "'";
}
