using System.Diagnostics;

namespace SeeMe.Tests.Infrastructure;

/// <summary>What a finished child process wrote (stdout and stderr interleaved as they came; stdout alone) and its exit code.</summary>
public sealed record ChildRun(int ExitCode, string Output, string StandardOutput);

/// <summary>Runs programs the way a user or CI does: a real process, its output captured, waited for to the end.</summary>
public static class ChildProcess
{
    /// <summary>The dotnet that runs the tests (so a child uses the same SDK), else dotnet on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";

    /// <summary>NuGet's global packages folder, as `dotnet nuget locals global-packages --list` tells it.</summary>
    public static string NuGetPackagesFolder => PackagesFolder.Value;

    private static readonly Lazy<string> PackagesFolder = new(() =>
    {
        var locals = Run(Dotnet, new[] { "nuget", "locals", "global-packages", "--list" }, Repository.Root);
        if (locals.ExitCode != 0) throw new InvalidOperationException("dotnet nuget locals failed:\n" + locals.Output);
        return locals.Output.Trim().Split(':', 2)[1].Trim(); // "global-packages: <folder>" (the folder may hold a drive's colon)
    });

    /// <summary>
    /// Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/>. <paramref name="environment"/> sets
    /// (or, with a null value, removes) variables; MSBuild's variables of the test run are always removed, so a
    /// dotnet command in the child builds as it would from a shell.
    /// </summary>
    public static ChildRun Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            if (value == null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var output = new System.Text.StringBuilder();
        var standardOutput = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) { output.AppendLine(e.Data); standardOutput.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output) return new ChildRun(process.ExitCode, output.ToString(), standardOutput.ToString());
    }
}
