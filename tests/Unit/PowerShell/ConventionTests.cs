using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>The house rules (docs/architecture.md, "House rules"), checked over every cmdlet class by reflection, plus manifest and help.</summary>
public sealed class ConventionTests
{
    // Verbs that change server state, start/stop processes, or write local files (Save-/Export-): every change supports -WhatIf/-Confirm.
    private static readonly string[] StateChangingVerbs =
        [VerbsCommon.New, VerbsCommon.Set, VerbsCommon.Remove, VerbsCommon.Add, VerbsCommon.Copy, VerbsData.Publish, VerbsData.Import,
         VerbsData.Save, VerbsData.Export, VerbsData.Sync, VerbsLifecycle.Register, VerbsLifecycle.Start, VerbsLifecycle.Stop];

    public static IEnumerable<Type> CommandTypes => typeof(SeeMeCmdlet).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null);

    private static IEnumerable<(Type Type, CmdletAttribute Cmdlet)> Commands => CommandTypes.Select(t => (t, t.GetCustomAttribute<CmdletAttribute>()!));

    [Fact]
    public void Every_command_is_a_sealed_SeeMeCmdlet_named_after_its_cmdlet()
    {
        foreach (var (type, cmdlet) in Commands)
        {
            Assert.True(type.IsSealed && type.IsPublic, $"{type.Name} must be public sealed");
            Assert.True(typeof(SeeMeCmdlet).IsAssignableFrom(type), $"{type.Name} must derive from SeeMeCmdlet");
            Assert.Equal(cmdlet.VerbName + cmdlet.NounName.Replace("-", "") + "Command", type.Name);
            Assert.StartsWith("SeeMe", cmdlet.NounName);
            Assert.Matches("^SeeMe[A-Za-z]*$", cmdlet.NounName);
            Assert.False(cmdlet.NounName.EndsWith("s") && !cmdlet.NounName.EndsWith("ss"), $"{cmdlet.NounName} should be singular");
        }
    }

    [Fact]
    public void The_commands_users_pipe_many_inputs_into_take_ThrottleLimit_and_only_they_do()
    {
        string[] perItem = ["Invoke-SeeMePrediction", "New-SeeMeDatasetItem", "Set-SeeMeDatasetItemImage", "Save-SeeMeDatasetItemImage", "Add-SeeMeAnnotation", "Remove-SeeMeDatasetItem",
                            "Test-SeeMeModel", "Sync-SeeMeDatasetVersion", "Get-SeeMeDatasetItem", "Get-SeeMePrediction"];
        foreach (var (type, cmdlet) in Commands)
        {
            var name = cmdlet.VerbName + "-" + cmdlet.NounName;
            if (name == "Connect-SeeMe") continue; // its -ThrottleLimit is the session's default
            var parameter = type.GetProperty("ThrottleLimit")?.GetCustomAttribute<ParameterAttribute>() != null;
            // The base reads the limit through IThrottledCmdlet: a -ThrottleLimit without it would be silently ignored.
            Assert.True(parameter == typeof(IThrottledCmdlet).IsAssignableFrom(type), $"{name}: -ThrottleLimit and IThrottledCmdlet go together");
            Assert.True(parameter == perItem.Contains(name), $"{name}: -ThrottleLimit is for the per-item commands: {string.Join(", ", perItem)}");
        }
    }

    /// <summary>
    /// Every -Model, -Dataset, -DatasetVersion, -Job or -Application parameter takes an object, an id or an exact name
    /// (EntityFromId, resolved in one place: SeeMeCmdlet.References), and every parameter that takes names completes them.
    /// </summary>
    [Fact]
    public void Entity_parameters_take_ids_and_names_and_complete_them()
    {
        Type[] named = [typeof(SeeMe.Core.Entities.Model), typeof(SeeMe.Core.Entities.Dataset), typeof(SeeMe.Core.Entities.DatasetVersion),
                        typeof(SeeMe.Core.Entities.Job), typeof(SeeMe.Core.Entities.Application)];
        var checkedCount = 0;
        foreach (var type in CommandTypes)
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
        {
            var takesNames = property.GetCustomAttributes<EntityFromIdAttribute>(inherit: false).Any(); // as PowerShell reads an override's own attributes
            if (named.Contains(property.PropertyType))
                Assert.True(takesNames, $"{type.Name} -{property.Name} should take an id or a name ([EntityFromId])");
            if (!takesNames) continue;
            Assert.True(property.GetCustomAttributes<ArgumentCompleterAttribute>(inherit: false).Any(), $"{type.Name} -{property.Name} takes names but does not complete them");
            checkedCount++;
        }
        Assert.True(checkedCount >= 40, $"only {checkedCount} entity parameters found");
    }

    /// <summary>A timeout has one name everywhere, in seconds, as Invoke-WebRequest names it: -TimeoutSec.</summary>
    /// <summary>
    /// Bases are composed, not stacked (as PSResourceGet keeps its cmdlets flat): between a command and PSCmdlet stand at
    /// most three of our own classes, SeeMeCmdlet included (SeeMeCmdlet → VersionScopedCmdlet → ItemCmdlet → the command).
    /// A shared parameter block that would need a fourth goes into the command, and shared logic into SeeMeCmdlet's partial files.
    /// </summary>
    [Fact]
    public void No_command_has_more_than_three_SeeMe_base_classes_between_it_and_PSCmdlet()
    {
        const int MaxBases = 3;
        foreach (var type in CommandTypes)
        {
            var bases = new List<string>();
            for (var b = type.BaseType; b != null && b != typeof(PSCmdlet); b = b.BaseType) bases.Add(b.Name);
            Assert.True(bases.Count <= MaxBases, $"{type.Name} stands on {bases.Count} bases ({string.Join(" → ", bases)}); at most {MaxBases}");
        }
    }

    [Fact]
    public void Timeouts_are_named_TimeoutSec()
    {
        var timeouts = CommandTypes.SelectMany(t => t.GetProperties()).Where(p => p.GetCustomAttributes<ParameterAttribute>().Any() && p.Name.StartsWith("Timeout")).ToList();
        Assert.True(timeouts.Count >= 2, "Connect-SeeMe and Start-SeeMeLocalServer take a timeout");
        Assert.All(timeouts, p => Assert.Equal("TimeoutSec", p.Name));
        Assert.Contains("TimeoutSeconds", typeof(SeeMe.PowerShell.Commands.LocalServer.StartSeeMeLocalServerCommand).GetProperty("TimeoutSec")!.GetCustomAttribute<AliasAttribute>()!.AliasNames);
    }

    [Fact]
    public void Verbs_are_approved()
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsCommunications), typeof(VerbsDiagnostic), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)).ToHashSet();
        foreach (var (type, cmdlet) in Commands) Assert.True(approved.Contains(cmdlet.VerbName), $"{type.Name}: '{cmdlet.VerbName}' is not an approved verb");
    }

    [Fact]
    public void Every_command_declares_its_output_type()
    {
        foreach (var type in CommandTypes) Assert.True(type.GetCustomAttributes<OutputTypeAttribute>().Any(), $"{type.Name} has no [OutputType]");
    }

    [Fact]
    public void State_changes_support_ShouldProcess_and_removals_are_high_impact()
    {
        foreach (var (type, cmdlet) in Commands)
        {
            if (StateChangingVerbs.Contains(cmdlet.VerbName)) Assert.True(cmdlet.SupportsShouldProcess, $"{type.Name} must support -WhatIf/-Confirm");
            if (cmdlet.VerbName == VerbsCommon.Remove) Assert.Equal(ConfirmImpact.High, cmdlet.ConfirmImpact);
        }
    }

    [Fact]
    public void Save_and_Export_commands_support_ShouldProcess()
    {
        var writers = Commands.Where(c => c.Cmdlet.VerbName is VerbsData.Save or VerbsData.Export or VerbsData.Import).ToList();
        Assert.Equal(6, writers.Count); // four Save-, one Export-, one Import-
        foreach (var (type, cmdlet) in writers) Assert.True(cmdlet.SupportsShouldProcess, $"{type.Name} must support -WhatIf/-Confirm");
    }

    /// <summary>
    /// Rule 7: -Force appears only with a ShouldContinue. Checked on the source of the class that declares -Force:
    /// it passes Force to ConfirmReplace / ShouldSave (the base's one ShouldContinue), or writes
    /// <c>Force || ShouldContinue(...)</c> itself.
    /// </summary>
    [Fact]
    public void A_Force_parameter_comes_with_a_ShouldContinue()
    {
        var sources = Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        // all the files of a (partial) class
        string SourceOf(Type type) => string.Join("\n", sources.Where(text => Regex.IsMatch(text, $@"\bclass {type.Name.Split('`')[0]}\b")));

        var confirmReplace = Regex.Match(SourceOf(typeof(SeeMeCmdlet)), @"protected bool ConfirmReplace\(.*?\n        \}", RegexOptions.Singleline).Value;
        Assert.Contains("ShouldContinue(", confirmReplace);
        var saveLogo = Regex.Match(SourceOf(typeof(SeeMeCmdlet)), @"protected void SaveLogo<T>\(.*?\n        \}", RegexOptions.Singleline).Value;
        Assert.Contains("ShouldSave(", saveLogo);

        var withForce = CommandTypes.Select(t => t.GetProperty("Force")).Where(p => p?.GetCustomAttribute<ParameterAttribute>() != null).ToList();
        Assert.True(withForce.Count >= 5, "the four Save- commands and Export-SeeMeDatasetVersion take -Force");
        foreach (var force in withForce)
            Assert.True(Regex.IsMatch(SourceOf(force!.DeclaringType!), @"\b(ConfirmReplace|ShouldSave|SaveLogo)\([^;]*\bForce\b|\bForce\s*\|\|\s*ShouldContinue\("),
                $"{force.DeclaringType!.Name} has -Force but does not ask ShouldContinue (through ConfirmReplace/ShouldSave/SaveLogo or Force || ShouldContinue)");
    }

    private static string SourceFolder => Path.Combine(Repository.Root, "src", "SeeMe.PowerShell");

    [Fact]
    public void Every_SeeMe_type_a_command_outputs_has_a_table_view()
    {
        var format = File.ReadAllText(Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Format.ps1xml"));
        var viewed = Regex.Matches(format, "<TypeName>([^<]+)</TypeName>").Select(m => m.Groups[1].Value).ToHashSet();
        var outputs = CommandTypes.SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(o => o.Type).Select(t => t.Type).Where(t => t != null && t.Namespace!.StartsWith("SeeMe")).Distinct().ToList();
        Assert.True(outputs.Count >= 15, $"only {outputs.Count} SeeMe output types found");
        foreach (var type in outputs) Assert.True(viewed.Contains(type.FullName!), $"{type.FullName} is output but has no view in SeeMe.Format.ps1xml");
    }

    [Fact]
    public void Set_and_Remove_commands_take_PassThru()
    {
        var changers = Commands.Where(c => c.Cmdlet.VerbName is VerbsCommon.Set or VerbsCommon.Remove).Select(c => c.Type).ToList();
        Assert.True(changers.Count >= 20, $"only {changers.Count} Set-/Remove- commands found");
        foreach (var type in changers)
        {
            var passThru = type.GetProperty("PassThru");
            Assert.True(passThru?.PropertyType == typeof(SwitchParameter) && passThru.GetCustomAttribute<ParameterAttribute>() != null,
                $"{type.Name} has no -PassThru switch parameter");
        }
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlet_classes()
    {
        var manifest = File.ReadAllText(Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).Order().ToList();
        var classes = Commands.Select(c => c.Cmdlet.VerbName + "-" + c.Cmdlet.NounName).Order().ToList();
        Assert.Equal(classes, exported);
        Assert.Equal(exported.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), exported.ToList().OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList());
    }

    [Fact]
    public void Every_exported_cmdlet_has_generated_help_with_synopsis_every_parameter_and_an_example()
    {
        using var ps = new PowerShellHost();
        var names = ps.Run("(Get-Module SeeMe).ExportedCmdlets.Keys").Objects.Cast<string>().ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var help = Assert.Single(ps.Run("Get-Help $args[0] -Full", name).Output);
            var synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim();
            Assert.False(string.IsNullOrEmpty(synopsis) || synopsis.StartsWith(name), $"{name} has no synopsis");
            var documented = ps.Run("(Get-Help $args[0] -Full).parameters.parameter | ForEach-Object { $_.name }", name).Objects.Cast<string>().ToHashSet();
            var declared = ps.Run("(Get-Command $args[0]).Parameters.Keys", name).Objects.Cast<string>()
                .Where(p => !CommonParameters.Contains(p));
            foreach (var parameter in declared) Assert.True(documented.Contains(parameter), $"{name} -{parameter} is not in the help ({string.Join(",", documented)})");
            var examples = ps.Run("@((Get-Help $args[0] -Full).examples.example).Count", name).Objects.Single();
            Assert.True(Convert.ToInt32(examples) >= 2, $"{name} needs two examples");
        }
    }

    /// <summary>Get-Help about_SeeMe, in a real pwsh that imported the module, shows the module's overview, whose default -ThrottleLimit is the real one.</summary>
    [Fact]
    public void Get_Help_about_SeeMe_shows_the_overview()
    {
        var manifest = Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1");
        var run = Pwsh.Run(PowerShellHost.ModuleDirectory, new Dictionary<string, string>(),
            ["-Command", $"Import-Module '{manifest}'; Get-Help about_SeeMe | Out-String -Width 200"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("about_SeeMe", run.Output);
        Assert.Contains("Many inputs at once", run.Output);
        Assert.Contains($"The default is {SeeMeSession.DefaultThrottleLimit},", run.Output);
    }

    /// <summary>Where help names the session's default -ThrottleLimit, it names the one the session has.</summary>
    [Fact]
    public void Help_that_names_the_default_ThrottleLimit_names_the_real_one()
    {
        var help = File.ReadAllText(Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.PowerShell.dll-Help.xml"));
        var named = Regex.Matches(help, @"(?:session's, |Connect-SeeMe -ThrottleLimit; |in this session; 1 sends one at a time\. Default: )(\d+)")
            .Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(named.Count >= 10, $"found {named.Count} mentions");
        Assert.All(named, n => Assert.Equal(SeeMeSession.DefaultThrottleLimit, n));
        using var ps = new PowerShellHost();
        var shown = ps.Run("(Get-Help Connect-SeeMe -Parameter ThrottleLimit).defaultValue").Objects.Single()?.ToString();
        Assert.Equal(SeeMeSession.DefaultThrottleLimit.ToString(), shown);
    }

    [Theory]
    [InlineData("Connect-SeeMe", "TimeoutSec", "100")]
    [InlineData("Connect-SeeMe", "MaximumRetryCount", "3")]
    [InlineData("Start-SeeMeLocalServer", "Username", "local")]
    [InlineData("New-SeeMeDataset", "ContentType", "images")]
    [InlineData("Remove-SeeMeModel", "PassThru", "False")]
    [InlineData("Get-SeeMeModel", "Name", "None")]
    public void Help_shows_the_default_a_parameter_really_has(string command, string parameter, string expected)
    {
        using var ps = new PowerShellHost();
        var shown = ps.Run("(Get-Help $args[0] -Parameter $args[1]).defaultValue", command, parameter).Objects.Single()?.ToString();
        Assert.Equal(expected, shown);
    }

    private static readonly HashSet<string> CommonParameters =
    [
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    ];
}
