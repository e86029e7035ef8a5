using System.Management.Automation;
using System.Reflection;
using SeeMe.Core.Entities;
using SeeMe.PowerShell;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The parameter sets of the commands that work in a dataset or a dataset version: the syntax says
/// what is required (the object or the ids), PowerShell refuses a call that lacks it before the
/// command runs, and the piped forms still bind.
/// </summary>
public sealed class ParameterSetTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Commands = "SeeMe.PowerShell.Commands";

    /// <summary>The ids a command of this type needs when it is not given the object: the dataset's, the version's, the child's.</summary>
    private static string[] IdsNeededBy(Type command) =>
        typeof(DatasetScopedCmdlet).IsAssignableFrom(command) ? ["DatasetId"]
        : IsVersionChildCommand(command) || typeof(ItemCmdlet).IsAssignableFrom(command) ? ["DatasetId", "DatasetVersionId", "Id"]
        : typeof(VersionScopedCmdlet).IsAssignableFrom(command) ? ["DatasetId", "DatasetVersionId"]
        : [];

    private static bool IsVersionChildCommand(Type type)
    {
        for (; type != null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(VersionChildCmdlet<>)) return true;
        return false;
    }

    private static IEnumerable<(string Name, string[] Ids)> ScopedCommands =>
        from type in ConventionTests.CommandTypes
        let cmdlet = type.GetCustomAttribute<CmdletAttribute>()!
        let ids = IdsNeededBy(type)
        where ids.Length > 0
        select (cmdlet.VerbName + "-" + cmdlet.NounName, ids);

    [Fact]
    public void Every_set_of_a_command_in_a_dataset_or_version_makes_the_object_or_all_the_ids_mandatory()
    {
        using var ps = new PowerShellHost();
        Assert.True(ScopedCommands.Count() >= 25, "the dataset and version commands are found");
        foreach (var (name, ids) in ScopedCommands)
        {
            var command = (CmdletInfo)ps.Run("Get-Command $args[0]", name).Objects.Single();
            foreach (var set in command.ParameterSets)
            {
                var mandatory = set.Parameters.Where(p => p.IsMandatory).ToList();
                var objectGiven = mandatory.Any(p => p.ValueFromPipeline && p.ParameterType != typeof(string));
                var idsGiven = ids.All(id => mandatory.Any(p => p.Name == id));
                Assert.True(objectGiven ^ idsGiven, $"{name} set '{set.Name}' must take the object or all of {string.Join(", ", ids)} as mandatory (and not both)");
                foreach (var id in new[] { "DatasetId", "DatasetVersionId" })
                    Assert.False(set.Parameters.Any(p => p.Name == id && !p.IsMandatory), $"{name} set '{set.Name}' has -{id} optional");
            }

            var syntax = string.Join("\n", ps.Run("Get-Command $args[0] -Syntax", name).Objects);
            Assert.DoesNotContain("[-DatasetId ", syntax);
            Assert.DoesNotContain("[-DatasetVersionId ", syntax);

            // The generated help (what Get-Help shows) agrees: the ids are required wherever they appear.
            var helpRequired = ps.Run("(Get-Help $args[0]).syntax.syntaxItem.parameter | Where-Object name -in 'DatasetId', 'DatasetVersionId' | ForEach-Object required", name)
                .Objects.Select(o => o.ToString()).ToList();
            Assert.All(helpRequired, r => Assert.Equal("true", r));
            var description = ps.Run("(Get-Help $args[0] -Parameter DatasetId).description.Text", name).Objects.Select(o => o.ToString()).FirstOrDefault();
            Assert.False(string.IsNullOrWhiteSpace(description), $"{name} -DatasetId has no help text");
        }
    }

    [Fact]
    public void The_syntax_of_a_child_command_shows_the_object_or_the_three_ids()
    {
        using var ps = new PowerShellHost();
        var syntax = ps.Run("Get-Command Set-SeeMeDatasetLabel -Syntax").Objects.Select(o => o.ToString()!.Trim()).Single(s => s.Length > 0);
        var lines = syntax.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Set-SeeMeDatasetLabel [-Label] <DatasetLabel> ", lines[0]);
        Assert.StartsWith("Set-SeeMeDatasetLabel -Id <string> -DatasetId <string> -DatasetVersionId <string> ", lines[1]);
    }

    [Theory]
    [InlineData("Get-SeeMeDatasetLabel -DatasetId x", "DatasetLabels.GetSeeMeDatasetLabelCommand", "DatasetVersionId")]
    [InlineData("Set-SeeMeDatasetLabel -Id x -Name y", "DatasetLabels.SetSeeMeDatasetLabelCommand", "DatasetId DatasetVersionId")]
    [InlineData("Remove-SeeMeDatasetItem -Id x -Confirm:$false", "DatasetItems.RemoveSeeMeDatasetItemCommand", "DatasetId DatasetVersionId")]
    [InlineData("Get-SeeMeDatasetItem -Split train", "DatasetItems.GetSeeMeDatasetItemCommand", "DatasetVersion")]
    [InlineData("Export-SeeMeDatasetVersion -Destination ./x", "DatasetVersions.ExportSeeMeDatasetVersionCommand", "DatasetVersion")]
    [InlineData("Set-SeeMeDataset -Name x", "Datasets.SetSeeMeDatasetCommand", "Dataset")]
    [InlineData("Set-SeeMeDatasetItemImage -Item ([SeeMe.Core.Entities.DatasetItem]::new())", "DatasetItems.SetSeeMeDatasetItemImageCommand", "Path")]
    public void A_call_without_its_dataset_or_version_fails_at_binding_naming_what_is_missing(string script, string command, string missing)
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var error = Assert.Single(ps.Run(script).Errors);
        Assert.Equal($"MissingMandatoryParameter,{Commands}.{command}", error.FullyQualifiedErrorId);
        Assert.IsType<ParameterBindingException>(error.Exception);
        Assert.EndsWith($"missing mandatory parameters: {missing}.", error.Exception.Message);
    }

    [Fact]
    public async Task The_object_and_the_ids_together_are_refused_as_ambiguous()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var (dataset, version) = await NewDatasetAsync(Client(server));
        var error = Assert.Single(ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] -DatasetId $args[1]", version, dataset.Id).Errors);
        Assert.Equal($"AmbiguousParameterSet,{Commands}.DatasetItems.GetSeeMeDatasetItemCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void The_ids_without_the_commands_own_mandatory_parameter_are_ambiguous_between_its_sets()
    {
        // -Path or -LiteralPath: PowerShell cannot tell which set is meant (the default set takes the object).
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var error = Assert.Single(ps.Run("Import-SeeMeDatasetVersion -DatasetId a -DatasetVersionId b").Errors);
        Assert.Equal($"AmbiguousParameterSet,{Commands}.DatasetVersions.ImportSeeMeDatasetVersionCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void An_object_without_ids_still_stops_with_DatasetVersionRequired_naming_the_commands_own_parameters()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var label = Assert.Single(ps.Run("[SeeMe.Core.Entities.DatasetLabel]::new() | Set-SeeMeDatasetLabel -Name y").Errors);
        Assert.Equal($"DatasetVersionRequired,{Commands}.DatasetLabels.SetSeeMeDatasetLabelCommand", label.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, label.CategoryInfo.Category);
        Assert.Equal("Give the dataset version: pipe in a DatasetLabel or pass -Label, or pass -DatasetId, -DatasetVersionId and -Id.", label.Exception.Message);

        var version = Assert.Single(ps.Run("Get-SeeMeDatasetLabel -DatasetVersion ([SeeMe.Core.Entities.DatasetVersion]::new())").Errors);
        Assert.Equal("Give the dataset version: pipe in a DatasetVersion or pass -DatasetVersion, or pass both -DatasetId and -DatasetVersionId.", version.Exception.Message);

        var annotation = Assert.Single(ps.Run("[SeeMe.Core.Entities.Annotation]::new() | Set-SeeMeAnnotation -Label x").Errors);
        Assert.Equal($"DatasetVersionRequired,{Commands}.Annotations.SetSeeMeAnnotationCommand", annotation.FullyQualifiedErrorId);
        Assert.Equal("Give the dataset version: pipe in an Annotation or pass -Annotation that carries its DatasetId and DatasetVersionId.", annotation.Exception.Message);
    }

    [Fact]
    public async Task The_piped_forms_bind_the_object_or_the_ids_by_property_name()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client, "robin");
        var folder = TempFolder(_files);
        var item = await NewImageItemAsync(client, version, "first", "train", "robin", folder);

        // A dataset by value, then a version by value.
        var items = ps.Run("$args[0] | Get-SeeMeDatasetVersion -Id $args[1] | Get-SeeMeDatasetItem", dataset, version.Id);
        Assert.Empty(items.Errors);
        Assert.Equal(item.Id, Assert.Single(items.OfType<DatasetItem>()).Id);

        // A split carries DatasetId and DatasetVersionId: the ids set binds by property name.
        var inSplit = ps.Run("Get-SeeMeDatasetSplit -DatasetVersion $args[0] -Name train | Get-SeeMeDatasetItem", version);
        Assert.Empty(inSplit.Errors);
        Assert.Equal(item.Id, Assert.Single(inSplit.OfType<DatasetItem>()).Id);

        // A label by value into Set-; an item by value into Get-SeeMeAnnotation.
        var recoloured = ps.Run("Get-SeeMeDatasetLabel -DatasetId $args[0] -DatasetVersionId $args[1] | Set-SeeMeDatasetLabel -Color '#00ff00' -PassThru", dataset.Id, version.Id);
        Assert.Empty(recoloured.Errors);
        Assert.Equal("#00ff00", Assert.Single(recoloured.OfType<DatasetLabel>()).Color);
        var annotations = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0] | Get-SeeMeAnnotation", version);
        Assert.Empty(annotations.Errors);
        Assert.Single(annotations.OfType<Annotation>());

        // Files by property name (LiteralPath, from FullName) with the version's ids given by name; a text item by the ids alone.
        var file = Png(folder, "second.png", SKColors.Red);
        var created = ps.Run("[System.IO.FileInfo]::new($args[0]) | New-SeeMeDatasetItem -DatasetId $args[1] -DatasetVersionId $args[2] -Split train",
            file, dataset.Id, version.Id);
        Assert.Empty(created.Errors);
        Assert.Equal("second", Assert.Single(created.OfType<DatasetItem>()).Name);
        var text = ps.Run("New-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -Name third", dataset.Id, version.Id);
        Assert.Empty(text.Errors);
        Assert.Equal("third", Assert.Single(text.OfType<DatasetItem>()).Name);

        // Items by their ids (property names DatasetId, DatasetVersionId, Id) into a child command.
        var renamed = ps.Run("[pscustomobject]@{ DatasetId = $args[0]; DatasetVersionId = $args[1]; Id = $args[2] } | Set-SeeMeDatasetItem -Name renamed -PassThru",
            dataset.Id, version.Id, item.Id);
        Assert.Empty(renamed.Errors);
        Assert.Equal("renamed", Assert.Single(renamed.OfType<DatasetItem>()).Name);
    }
}
