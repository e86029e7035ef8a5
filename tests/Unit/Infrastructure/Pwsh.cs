using System.Text.Json;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// A real pwsh in its own process: PowerShell 7.6 as the .NET tool that the repository's tool manifest
/// (.config/dotnet-tools.json) pins, the same program `dotnet pwsh` runs. The first use restores the tool (a no-op
/// when it is already restored) and finds its pwsh.dll in the NuGet packages folder, so a child can start in any
/// folder (`dotnet tool run` finds its manifest only from the folder it starts in).
/// </summary>
public static class Pwsh
{
    private static readonly Lazy<string> Dll = new(RestoreAndFind);

    /// <summary>pwsh -NoProfile -NonInteractive with <paramref name="arguments"/> (e.g. -File x.ps1, or -Command "...").</summary>
    public static ChildRun Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.Run(ChildProcess.Dotnet, new[] { Dll.Value, "-NoProfile", "-NonInteractive" }.Concat(arguments), workingDirectory, environment);

    /// <summary>pwsh -NoProfile -NonInteractive with <paramref name="arguments"/>, left running for the test to talk to.</summary>
    public static RunningChild Start(string workingDirectory, params string[] arguments) =>
        RunningChild.Start(ChildProcess.Dotnet, new[] { Dll.Value, "-NoProfile", "-NonInteractive" }.Concat(arguments), workingDirectory);

    private static string RestoreAndFind()
    {
        Check(ChildProcess.Run(ChildProcess.Dotnet, new[] { "tool", "restore" }, Repository.Root), "dotnet tool restore");
        var platform = OperatingSystem.IsWindows() ? "win" : "unix";
        var dll = Path.Combine(ChildProcess.NuGetPackagesFolder, "powershell", ManifestVersion(), "tools", "net10.0", "any", platform, "pwsh.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("dotnet tool restore did not bring " + dll);
    }

    private static string ManifestVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".config", "dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString();
    }

    private static ChildRun Check(ChildRun run, string what) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"{what} failed:\n{run.Output}");
}
