using System.Text.RegularExpressions;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// The server's layers, read from its source (issue 18): only Http/ and Endpoints/ know HTTP, so the
/// domain, inference, storage and zip code never import SeeMe.Server.Http (they throw DomainException),
/// and Http knows of the domain only its error type and the caller, no rule.
/// </summary>
public sealed class ServerLayeringTests
{
    private static readonly string ServerSource = Path.Combine(Repository.Root, "src", "SeeMe.Server");

    // "using SeeMe.Server.Http;", "using static SeeMe.Server.Http.X;", SeeMe.Server.Http.X, and Http.X written from inside SeeMe.Server.
    private static readonly Regex HttpReference = new(@"\bSeeMe\.Server\.Http\b|(?<![\w.])Http\.[A-Z]\w*", RegexOptions.Compiled);

    [Fact]
    public void Only_Http_and_Endpoints_import_SeeMe_Server_Http()
    {
        var offenders = SourceFiles()
            .Where(file => !InFolder(file, "Http") && !InFolder(file, "Endpoints"))
            .Where(file => HttpReference.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(ServerSource, file))
            .ToList();
        Assert.True(offenders.Count == 0, "These files import SeeMe.Server.Http; throw DomainException instead: " + string.Join(", ", offenders));
    }

    private static readonly string[] DomainTypesHttpMayUse = ["DomainException", "DomainError", "Caller"];

    [Fact]
    public void Http_uses_no_domain_rule()
    {
        var rules = DomainTypeNames().Except(DomainTypesHttpMayUse).ToList();
        Assert.Contains("FieldLimits", rules);
        var uses = SourceFiles()
            .Where(file => InFolder(file, "Http"))
            .SelectMany(file => rules.Where(rule => Regex.IsMatch(File.ReadAllText(file), $@"\b{rule}\b")).Select(rule => $"{Path.GetFileName(file)} uses {rule}"))
            .ToList();
        Assert.True(uses.Count == 0, "Http uses domain rules; move the rule's call into Endpoints: " + string.Join(", ", uses));
    }

    [Fact]
    public void The_check_sees_the_server_source_and_an_import()
    {
        Assert.Contains(SourceFiles(), file => InFolder(file, "Domain"));
        Assert.Matches(HttpReference, "using SeeMe.Server.Http;");
        Assert.Matches(HttpReference, "/// <see cref=\"Http.ApiException\"/>");
        Assert.DoesNotMatch(HttpReference, "using System.Net.Http;");
    }

    private static IEnumerable<string> DomainTypeNames() =>
        SourceFiles()
            .Where(file => InFolder(file, "Domain"))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\b(?:class|record|struct|enum|interface) (\w+)").Select(m => m.Groups[1].Value))
            .Distinct();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(ServerSource, "*.cs", SearchOption.AllDirectories)
            .Where(file => !InFolder(file, "bin") && !InFolder(file, "obj"));

    private static bool InFolder(string file, string folder) =>
        Path.GetRelativePath(ServerSource, file).Split(Path.DirectorySeparatorChar)[0] == folder;
}
