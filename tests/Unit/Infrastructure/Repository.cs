namespace SeeMe.Tests.Infrastructure;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder above the test output that holds SeeMe.PowerShell.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SeeMe.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("SeeMe.PowerShell.sln not found above " + AppContext.BaseDirectory);
    }
}
