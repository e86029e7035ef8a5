using System.Management.Automation.Language;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The scripts that cannot run here (no pwsh, no Pester): build.ps1 and tests/Pester (and examples/ci, which also run). Parsed with the engine's
/// parser and checked for what would only fail on a user's machine: syntax Windows PowerShell 5.1 lacks, Pester 5
/// block structure, and parameter names that the real cmdlets do not have.
/// </summary>
public sealed class ScriptTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> Scripts => new(
        Directory.EnumerateFiles(Path.Combine(Root, "tests", "Pester"), "*.ps1").Append(Path.Combine(Root, "build.ps1"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "examples", "ci"), "*.ps1"))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order());

    public static TheoryData<string> PesterFiles => new(
        Directory.EnumerateFiles(Path.Combine(Root, "tests", "Pester"), "*.Tests.ps1").Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order());

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses_and_uses_no_syntax_that_Windows_PowerShell_5_1_lacks(string script)
    {
        var ast = Parse(script);
        var modern = ast.FindAll(node => node switch
        {
            TernaryExpressionAst => true,
            PipelineChainAst => true, // && and ||
            BinaryExpressionAst binary => binary.Operator == TokenKind.QuestionQuestion,
            AssignmentStatementAst assignment => assignment.Operator == TokenKind.QuestionQuestionEquals,
            MemberExpressionAst member => member.NullConditional, // ?. and ?[]
            IndexExpressionAst index => index.NullConditional,
            _ => false,
        }, searchNestedScriptBlocks: true).ToList();
        Assert.True(modern.Count == 0, $"{script}: PowerShell 7-only syntax: {string.Join("; ", modern.Select(m => $"line {m.Extent.StartLineNumber}: {m.Extent.Text}"))}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_SeeMe_cmdlet_call_uses_parameters_the_cmdlet_has(string script)
    {
        var parameters = CmdletParameters.Value;
        var problems = new List<string>();
        foreach (var call in Parse(script).FindAll(n => n is CommandAst, true).Cast<CommandAst>())
        {
            var name = call.GetCommandName();
            if (name == null || !parameters.TryGetValue(name, out var known)) continue;
            foreach (var parameter in call.CommandElements.OfType<CommandParameterAst>())
                if (!known.Contains(parameter.ParameterName))
                    problems.Add($"line {parameter.Extent.StartLineNumber}: {name} has no -{parameter.ParameterName}");
        }
        Assert.True(problems.Count == 0, $"{script}: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(PesterFiles))]
    public void Pester_files_keep_code_inside_It_and_the_setup_blocks(string script)
    {
        var ast = Parse(script);
        var problems = new List<string>();
        CheckBlock(ast, ["BeforeDiscovery", "BeforeAll", "AfterAll", "Describe"], problems);
        Assert.True(problems.Count == 0, $"{script}: {string.Join("; ", problems)}");
        var text = File.ReadAllText(Path.Combine(Root, script));
        Assert.Contains("TestHelpers.ps1", text); // one way to import the staged module and start a server
        Assert.Matches(@"\b(Import-StagedSeeMe|Start-TestSeeMeServer)\b", text);
    }

    [Fact]
    public void There_is_one_Pester_file_per_noun_family()
    {
        var families = Directory.EnumerateDirectories(Path.Combine(Root, "src", "SeeMe.PowerShell", "Commands")).Select(Path.GetFileName).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(Root, "tests", "Pester"), "*.Tests.ps1").Select(f => Path.GetFileName(f).Replace(".Tests.ps1", "")).ToHashSet();
        // The dataset side (Datasets, DatasetVersions, DatasetSplits, DatasetLabels, DatasetItems, Annotations) is one
        // family in Datasets.Tests.ps1, as the user meets it; the local server belongs with Session (Start | Connect).
        string FileFor(string family) => family.StartsWith("Dataset") || family == "Annotations" ? "Datasets" : family == "LocalServer" ? "Session" : family;
        foreach (var family in families) Assert.True(files.Contains(FileFor(family!)), $"no tests/Pester/{FileFor(family!)}.Tests.ps1 for Commands/{family}");
    }

    [Fact]
    public void Invoke_Dotnet_in_build_ps1_passes_dotnet_style_switches_through()
    {
        var function = Parse("build.ps1").FindAll(n => n is FunctionDefinitionAst f && f.Name == "Invoke-Dotnet", false).Cast<FunctionDefinitionAst>().Single();
        using var ps = new PowerShellHost();
        // A 'dotnet' function (functions win over applications) records what the native call would get;
        // Write-Host is stubbed (the hosted engine has no Microsoft.PowerShell.Utility).
        var result = ps.Run(function.Extent.Text + """

            function Write-Host { }
            function dotnet { $global:LASTEXITCODE = 0; $script:got = $args }
            Invoke-Dotnet publish 'a b.csproj' -c Release --nologo --no-build -o out
            $script:got -join '|'
            """);
        Assert.Empty(result.Errors);
        Assert.Equal("publish|a b.csproj|-c|Release|--nologo|--no-build|-o|out", Assert.Single(result.Objects));
    }

    private static void CheckBlock(Ast block, string[] allowed, List<string> problems)
    {
        var statements = block is ScriptBlockAst script ? script.EndBlock?.Statements ?? (IEnumerable<StatementAst>)[] : [];
        foreach (var statement in statements)
        {
            var command = (statement as PipelineAst)?.PipelineElements.Count == 1 ? (statement as PipelineAst)!.PipelineElements[0] as CommandAst : null;
            var name = command?.GetCommandName();
            if (name == null || !allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"line {statement.Extent.StartLineNumber}: '{First(statement)}' outside It/BeforeAll/AfterAll");
                continue;
            }
            if (name is "Describe" or "Context")
            {
                var body = command!.CommandElements.OfType<ScriptBlockExpressionAst>().LastOrDefault();
                if (body != null) CheckBlock(body.ScriptBlock, ["BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "It", "Context", "Describe"], problems);
            }
        }
    }

    private static string First(Ast ast) => ast.Extent.Text.Split('\n')[0].Trim();

    private static ScriptBlockAst Parse(string relative)
    {
        var ast = Parser.ParseFile(Path.Combine(Root, relative), out _, out var errors);
        Assert.True(errors.Length == 0, $"{relative}: {string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}"))}");
        return ast;
    }

    /// <summary>Each exported cmdlet's parameter names and aliases (common parameters included), as the engine sees them.</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> CmdletParameters = new(() =>
    {
        using var ps = new PowerShellHost();
        var rows = ps.Run("""
            foreach ($c in (Get-Module SeeMe).ExportedCmdlets.Values) {
                foreach ($p in $c.Parameters.Values) { foreach ($n in @($p.Name) + @($p.Aliases)) { "$($c.Name)|$n" } }
            }
            """).Objects.Cast<string>();
        return rows.Select(r => r.Split('|')).GroupBy(r => r[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    });
}
