using System.Diagnostics;

namespace SeeMe.Tests.Infrastructure;

/// <summary>What a child pwsh did: its exit code and what it printed.</summary>
public sealed record ChildPwshResult(int ExitCode, string Output, string Error);

/// <summary>
/// A real pwsh in a child process, run as a CI job runs a script: <c>pwsh -NoProfile -NonInteractive -File</c>.
/// The pwsh is the repository's (<c>dotnet pwsh</c>, from the tool manifest .config/dotnet-tools.json) when it has
/// one, else the pwsh on PATH.
/// </summary>
public static class ChildPwsh
{
    /// <summary>A guard against a hung child, far above what a script of the tests needs; never a measurement.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(3);

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and the extra <paramref name="environment"/> variables.</summary>
    public static ChildPwshResult RunFile(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo();
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Hung))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh did not finish {script} within {Hung.TotalMinutes} minutes.");
        }
        return new ChildPwshResult(process.ExitCode, output.Result, error.Result);
    }

    private static ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        var manifest = Path.Combine(Repository.Root, ".config", "dotnet-tools.json");
        if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"pwsh\""))
        {
            info.FileName = "dotnet";
            info.ArgumentList.Add("pwsh");
            return info;
        }
        info.FileName = OnPath(OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh")
                        ?? throw new FileNotFoundException("No pwsh to run the script: restore the repository's tools (dotnet tool restore) or put pwsh on PATH.");
        return info;
    }

    private static string OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
