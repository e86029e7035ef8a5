using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>
/// README.md's two commands for a machine with only the .NET SDK (between its fresh-machine markers), the test
/// command (between its test-command markers) and .ci/run agree, and the first command runs from a copy of the
/// checkout with an empty HOME and no pwsh on PATH: it builds, then runs the quick start, which ends with the sample
/// model's predictions. (The second command is the test run itself; CI runs it through .ci/run.)
/// </summary>
public sealed class FreshMachineTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n");

    /// <summary>The lines of the code block between &lt;!-- <paramref name="marker"/> --&gt; and its closing marker.</summary>
    public static string[] ReadmeBlock(string marker)
    {
        var start = $"<!-- {marker} -->\n```\n";
        var end = $"```\n<!-- /{marker} -->";
        var from = Readme.IndexOf(start, StringComparison.Ordinal);
        var to = Readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md has no ``` block between <!-- {marker} --> and <!-- /{marker} -->");
        return Readme[(from + start.Length)..to].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void The_readme_fresh_machine_commands_are_the_quick_start_and_the_one_test_command_that_ci_runs()
    {
        var freshMachine = ReadmeBlock("fresh-machine");
        var testCommand = Assert.Single(ReadmeBlock("test-command"));

        Assert.Equal(2, freshMachine.Length);
        Assert.Contains("-QuickStart", freshMachine[0]);
        Assert.Equal(testCommand, freshMachine[1]);
        var ciRun = File.ReadAllLines(Path.Combine(Repository.Root, ".ci", "run"));
        Assert.Contains(testCommand, ciRun);
    }

    [Fact]
    public void The_first_fresh_machine_command_builds_and_runs_the_quick_start_from_a_copy_with_an_empty_home()
    {
        var checkout = CopyOfCheckout();
        var home = Directory.CreateDirectory(_files.PathOf("home")).FullName;

        var run = Shell(ReadmeBlock("fresh-machine")[0], checkout, new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["USERPROFILE"] = home,
            ["PATH"] = PathWithoutPwsh(),
            // The one thing kept from this machine: the NuGet packages folder, so the copy restores without downloading again.
            ["NUGET_PACKAGES"] = ChildProcess.NuGetPackagesFolder,
        });

        Assert.True(run.ExitCode == 0, run.Output);
        var predictions = Path.Combine(checkout, "out", "quick-start", "sample-colours");
        Assert.True(Directory.Exists(predictions), "the quick start exported the sample dataset into out/quick-start\n" + run.Output);
        var lastTable = run.Output[run.Output.LastIndexOf("Confidence", StringComparison.Ordinal)..];
        foreach (var colour in new[] { "red", "green", "blue" })
            for (var n = 1; n <= 6; n++)
                Assert.Contains($"{colour}-{n}.png", lastTable);
    }

    /// <summary>The checkout's files as git sees them (tracked, and new ones not ignored): what a fresh clone would hold.</summary>
    private string CopyOfCheckout()
    {
        var copy = Directory.CreateDirectory(_files.PathOf("clone")).FullName;
        var files = ChildProcess.Run("git", new[] { "ls-files", "--cached", "--others", "--exclude-standard", "-z" }, Repository.Root);
        Assert.True(files.ExitCode == 0, files.Output);
        foreach (var relative in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')).Distinct()) // a file mid-merge is listed once per stage
        {
            var source = Path.Combine(Repository.Root, relative);
            if (!File.Exists(source)) continue; // deleted in the work tree, not yet in the index
            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return copy;
    }

    private static ChildRun Shell(string commandLine, string folder, IReadOnlyDictionary<string, string> environment) =>
        OperatingSystem.IsWindows()
            ? ChildProcess.Run("cmd.exe", new[] { "/d", "/c", commandLine }, folder, environment)
            : ChildProcess.Run("/bin/sh", new[] { "-c", commandLine }, folder, environment);

    private static string PathWithoutPwsh()
    {
        var pwsh = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(folder => folder.Length > 0 && !File.Exists(Path.Combine(folder, pwsh)));
        return string.Join(Path.PathSeparator, folders);
    }
}
