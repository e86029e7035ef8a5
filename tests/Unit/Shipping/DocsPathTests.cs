using System.Text.RegularExpressions;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>
/// The map cannot silently rot: every file or folder that docs/architecture.md names in backticks exists, under the
/// repository or under the part whose table names it (src/SeeMe.Core, src/SeeMe.PowerShell, src/SeeMe.Server), a '*'
/// matching at least one file. (The other pages name paths of the wire and of a user's folders, not of this repository.)
/// </summary>
public sealed class DocsPathTests
{
    private static readonly string[] Roots = ["", "src/SeeMe.Core", "src/SeeMe.PowerShell", "src/SeeMe.Server", "docs", "tests/Unit"];

    /// <summary>Paths the page names that a checkout does not hold: what the sync writes in a user's folder, what a restore makes.</summary>
    private static readonly string[] NotInACheckout = [".seeme/sync.json", "tools/Pester/packages"];

    [Fact]
    public void Every_path_the_architecture_page_names_exists()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var missing = NamedPaths(text).Except(NotInACheckout).Where(path => !Exists(path)).ToList();
        Assert.True(missing.Count == 0, $"docs/architecture.md names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_check_sees_a_path_that_is_not_there()
    {
        Assert.Equal(["Http/NoSuchFile.cs"], NamedPaths("see `Http/NoSuchFile.cs` and `Http/SeeMeConnection.cs`").Where(p => !Exists(p)));
    }

    /// <summary>Backticked words that look like a path: a folder part or a file extension, no spaces, options or placeholders.</summary>
    private static IEnumerable<string> NamedPaths(string markdown) =>
        Regex.Matches(markdown, "`([^`\\s]+)`").Select(m => m.Groups[1].Value)
            .Where(word => !word.StartsWith('-') && !word.Contains("://") && !word.Contains('<') && !word.Contains('{') && !word.Contains('$'))
            .Where(word => Regex.IsMatch(word, @"^[\w.*/-]+/[\w.*-]*$|^[\w.*-]+\.(cs|md|ps1|psd1|json|csproj|yml|yaml|sln|props|ps1xml)$"))
            .Distinct();

    private static bool Exists(string path) => Roots.Any(root => ExistsUnder(Path.Combine(Repository.Root, root), path.TrimEnd('/')));

    private static bool ExistsUnder(string root, string path)
    {
        if (!path.Contains('*')) return File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path));
        var folder = Path.Combine(root, Path.GetDirectoryName(path) ?? "");
        return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(path)).Any();
    }
}
