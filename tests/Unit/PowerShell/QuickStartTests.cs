using SeeMe.Core.Entities;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The README's quick start, read from README.md between its quick-start markers and run as written in a real
/// engine: it imports SeeMe by name (from a folder on PSModulePath, as installed), starts its own local server
/// process with -SampleData and uses nothing else. The one stand-in: Get-ChildItem, which this engine lacks (no
/// Microsoft.PowerShell.Management), is a function over DirectoryInfo.
/// </summary>
public sealed class QuickStartTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static string ReadmeQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n");
        const string start = "<!-- quick-start -->\n```powershell\n", end = "```\n<!-- /quick-start -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "README.md has no ```powershell block between <!-- quick-start --> and <!-- /quick-start -->");
        return readme[(from + start.Length)..to];
    }

    [Fact]
    public void The_readme_quick_start_runs_as_written_and_does_what_it_says()
    {
        var quickStart = ReadmeQuickStart();
        InstallModuleOnPSModulePath();
        using var ps = new PowerShellHost(importModule: false);
        var setup = ps.Run("""
            function Get-ChildItem([string] $Path) { ([System.IO.DirectoryInfo]$Path).GetFiles() }
            $ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null
            """, _files.Root);
        Assert.Empty(setup.Errors);

        var result = ps.Run(quickStart);

        Assert.Empty(result.Errors);
        var server = Assert.Single(ps.Run("$server").OfType<SeeMeLocalServer>());
        Assert.False(server.IsRunning); // the quick start stops what it started
        // the sample's three labels, then the one of 'My colours'; the test split's three items, then 'red1'
        Assert.Equal(new[] { "red", "green", "blue", "red" }, result.OfType<DatasetLabel>().Select(l => l.Name));
        Assert.Equal(new[] { "blue-6", "green-6", "red-6", "red1" }, result.OfType<DatasetItem>().Select(i => i.Name).Order());
        var tree = TestFiles.Tree(_files.PathOf("sample-colours"));
        Assert.Contains("train/red/red-1.png", tree);
        Assert.Contains("test/blue/blue-6.png", tree);
        var predictions = result.OfType<Prediction>();
        Assert.Equal(18, predictions.Count);
        Assert.All(predictions, p => Assert.StartsWith(p.Label + "-", p.Name));
        var evaluation = Assert.Single(result.OfType<SeeMe.Core.Evaluation.EvaluationResult>());
        Assert.Equal((3, 1.0), (evaluation.ItemsEvaluated, evaluation.Accuracy));
        Assert.Single(ps.Run("$mine").OfType<DatasetVersion>()); // 'My colours' was created (and removed without an error)
    }

    /// <summary>
    /// A folder named SeeMe (a link to the built module) in a folder added to PSModulePath, like an installed module. Only
    /// added, never removed: other tests import the module by path, so the extra entry changes nothing for them. The
    /// folder is named after this build's output folder, so two checkouts on one machine never share (or reuse) a link.
    /// </summary>
    private static void InstallModuleOnPSModulePath()
    {
        lock (typeof(QuickStartTests))
        {
            var build = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PowerShellHost.ModuleDirectory)))[..12];
            var modules = Path.Combine(Path.GetTempPath(), "seeme-tests-modules-" + build);
            var link = new DirectoryInfo(Path.Combine(modules, "SeeMe"));
            if (link.LinkTarget == null)
            {
                Directory.CreateDirectory(modules);
                Directory.CreateSymbolicLink(link.FullName, PowerShellHost.ModuleDirectory);
            }
            var current = Environment.GetEnvironmentVariable("PSModulePath") ?? "";
            if (!current.Split(Path.PathSeparator).Contains(modules))
                Environment.SetEnvironmentVariable("PSModulePath", modules + Path.PathSeparator + current);
        }
    }
}
