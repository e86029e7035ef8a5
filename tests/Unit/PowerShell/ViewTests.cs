using System.Text.RegularExpressions;
using System.Xml.Linq;
using SeeMe.Core.Entities;
using SeeMe.Server.SampleData;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The default views as a user reads them in a 120-column console: names next to the ids an object refers to
/// (labels and splits of items, annotations and label statistics; applications), ids whole, nothing past 120.
/// Items carry their label and split names as properties, so they group and filter by name.
/// </summary>
public sealed class ViewTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private const int ConsoleWidth = 120;
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// The lines a pipeline's output shows at a 120-column console, formatted by a real pwsh (connected to the test
    /// server as its seed user; <paramref name="args"/> are $args there); none is wider.
    /// </summary>
    private List<string> Shown(string pipeline, params string[] args)
    {
        var script = Path.Combine(_files.Root, Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(script, $"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.psd1")}'
            Connect-SeeMe | Out-Null
            {pipeline} | Out-String -Width {ConsoleWidth} -Stream
            """);
        var run = Pwsh.Run(_files.Root, new Dictionary<string, string>
        {
            ["SEEME_BACKEND"] = server.BaseUri.ToString(), ["SEEME_USERNAME"] = server.Username, ["SEEME_API_KEY"] = server.ApiKey,
        }, ["-File", script, .. args]);
        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= ConsoleWidth, $"wider than {ConsoleWidth}: {l}"));
        return lines;
    }

    /// <summary>Asserts that exactly one line shows these cells, in this order, and nothing else.</summary>
    private static void AssertRow(List<string> lines, params string[] cells)
    {
        var pattern = @"^\s*" + string.Join(@"\s+", cells.Select(Regex.Escape)) + @"\s*$";
        Assert.True(lines.Count(l => Regex.IsMatch(l, pattern)) == 1, $"no single line shows [{string.Join(" | ", cells)}]:\n{string.Join("\n", lines)}");
    }

    [Fact]
    public async Task Items_show_and_carry_their_label_and_split_names_so_they_group_by_label()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin", "sparrow");
        var images = TempFolder(_files);
        var robin = await NewImageItemAsync(client, version, "robin-1", "train", "robin", images);
        await NewImageItemAsync(client, version, "robin-2", "valid", "robin", images);
        await NewImageItemAsync(client, version, "sparrow-1", "train", "sparrow", images);
        var nobody = await NewImageItemAsync(client, version, "nobody", "test", null, images);

        var items = ps.Run("$args[0] | Get-SeeMeDatasetItem", version).OfType<DatasetItem>();
        Assert.Equal(["robin=2", "sparrow=1", "=1"], items.GroupBy(i => i.Label).Select(g => $"{g.Key}={g.Count()}"));
        Assert.Equal(["robin-1=train", "robin-2=valid", "sparrow-1=train", "nobody=test"], items.Select(i => $"{i.Name}={i.Split}"));
        var bySplit = ps.Run("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] | Where-Object Split -eq train | ForEach-Object Name", version.DatasetId, version.Id);
        Assert.Equal(["robin-1", "sparrow-1"], bySplit.Objects.Cast<string>().Order());

        var shown = Shown("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] | Group-Object Label | Select-Object Name, Count; " +
                          "Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1]", version.DatasetId, version.Id);
        AssertRow(shown, "robin", "2");        // Group-Object Label
        AssertRow(shown, "sparrow", "1");
        AssertRow(shown, "Name", "Label", "Split", "Annotations", "Id");
        AssertRow(shown, "robin-1", "robin", "train", "1", robin.Id);
        AssertRow(shown, "nobody", "test", "0", nobody.Id);
    }

    [Fact]
    public async Task Items_written_by_other_commands_carry_the_names_too()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin");
        var robinId = version.Labels.Single().Id;
        var image = Png(TempFolder(_files), "r.png", SkiaSharp.SKColors.Orange);

        var created = ps.Run("New-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -LiteralPath $args[2] -Split train -Label $args[3]",
            version.DatasetId, version.Id, image, robinId);   // the label by id: its name comes from the version
        var item = Assert.Single(created.OfType<DatasetItem>());
        Assert.Equal(("robin", "train"), (item.Label, item.Split));

        var byId = ps.Run("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] -Id $args[2] | Set-SeeMeDatasetItem -Description x -PassThru", version.DatasetId, version.Id, item.Id);
        Assert.Equal("robin", Assert.Single(byId.OfType<DatasetItem>()).Label);
    }

    [Fact]
    public async Task Annotations_show_label_and_split_names()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "car", "person");
        var item = await NewImageItemAsync(client, version, "street", "valid", "car", TempFolder(_files));

        var added = ps.Run("$args[0] | Add-SeeMeAnnotation -Label person -Coordinates '0.5 0.5 0.2 0.4'", item);
        var annotation = Assert.Single(added.OfType<Annotation>());
        Assert.Equal(("person", "valid"), (annotation.Label, annotation.Split));

        var shown = Shown("Get-SeeMeDatasetItem -DatasetId $args[0] -DatasetVersionId $args[1] | Get-SeeMeAnnotation", version.DatasetId, version.Id);
        AssertRow(shown, "Label", "Split", "Coordinates", "ItemId");
        AssertRow(shown, "car", "valid", item.Id);
        AssertRow(shown, "person", "valid", "0.5 0.5 0.2 0.4", item.Id);
    }

    [Fact]
    public async Task Label_statistics_show_split_and_label_names()
    {
        await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);
        using var ps = new PowerShellHost();
        ps.Connect(server);

        var shown = Shown("Get-SeeMeDataset -Name $args[0] | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetLabelStatistic", SampleContent.Name);

        AssertRow(shown, "Split", "Label", "Count", "AnnotationCount", "ItemCount");
        AssertRow(shown, "train", "red", "4", "4", "4");
        AssertRow(shown, "test", "(unlabelled)", "0", "0", "0");
        var stats = ps.Run("Get-SeeMeDataset -Name $args[0] | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetLabelStatistic -Split valid", SampleContent.Name);
        Assert.Equal(["red", "green", "blue", ""], stats.OfType<LabelStat>().Select(s => s.Label));
        Assert.All(stats.OfType<LabelStat>(), s => Assert.Equal("valid", s.Split));
    }

    [Fact]
    public async Task An_evaluation_in_a_list_view_shows_its_labels_and_matrix_as_values_not_type_names()
    {
        await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);

        var shown = Shown("Get-SeeMeDataset -Name $args[0] | Get-SeeMeDatasetVersion -Latest | Test-SeeMeModel -Model $args[0] | Format-List", SampleContent.Name);

        Assert.Contains(shown, l => Regex.IsMatch(l, @"^Labels\s+: \{red: f1 1, precision 1, recall 1, support 1, green: f1 1"));
        Assert.Contains(shown, l => Regex.IsMatch(l, @"^ConfusionMatrix\s+: 3x3: red, green, blue$"));
        Assert.Contains(shown, l => Regex.IsMatch(l, @"^Macro\s+: precision 1, recall 1, f1 1$"));
        Assert.DoesNotContain(shown, l => l.Contains("SeeMe.Core.Evaluation."));
    }

    [Fact]
    public void Applications_show_a_readable_name_and_their_whole_id()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var applications = ps.Run("Get-SeeMeApplication").OfType<Application>();

        var shown = Shown("Get-SeeMeApplication");

        AssertRow(shown, "Name", "ApplicationType", "Framework", "BaseFramework", "Id");
        Assert.All(applications.Where(a => a.Framework == "onnx"), a => AssertRow(shown, a.Name, a.ApplicationType, $"{a.Framework} {a.FrameworkVersion}", $"{a.BaseFramework} {a.BaseFrameworkVersion}", a.Id));
        var unnamed = Guid.NewGuid().ToString();
        var made = Shown("[SeeMe.Core.Entities.Application]@{ ApplicationType = 'structured'; Framework = 'fastai'; FrameworkVersion = '2.4.1'; Id = $args[0] }", unnamed);
        AssertRow(made, "structured (fastai 2.4.1)", "structured", "fastai 2.4.1", unnamed); // the service may send no name
    }

    [Fact]
    public async Task Predictions_show_the_file_name_and_a_percentage()
    {
        var images = await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);
        using var ps = new PowerShellHost();
        ps.Connect(server);

        var shown = Shown("Get-ChildItem $args[0] -Filter red-1.png | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name $args[1])", images, SampleContent.Name);

        Assert.Single(shown, l => Regex.IsMatch(l, @"^red-1\.png\s+red\s+\d{1,3}\.\d %\s+False\s+[0-9a-f-]{36}$"));
    }

    /// <summary>Every table view: all columns but the last have a width, and with an id last (36 characters) the row fits 120 columns.</summary>
    /// <summary>
    /// Every table view fits a 120-column console whole, and an 80-column one (a terminal's default size) but for a
    /// trailing id, which PowerShell then leaves out: the columns that say what a row is and how it went never drop off.
    /// </summary>
    [Fact]
    public void Every_table_view_fits_a_120_column_console_and_all_but_its_id_fit_80()
    {
        var format = XDocument.Load(Path.Combine(PowerShellHost.ModuleDirectory, "SeeMe.Format.ps1xml"));
        foreach (var view in format.Descendants("View").Where(v => v.Element("TableControl") != null))
        {
            var headers = view.Descendants("TableColumnHeader").ToList();
            var widths = headers.Select(h => (int?)h.Element("Width")).ToList();
            if (widths.All(w => w == null)) continue; // sized by PowerShell to what it holds
            var name = view.Element("Name")!.Value;
            Assert.True(headers.Count is >= 3 and <= 5, $"{name} has {headers.Count} columns");
            Assert.True(widths[..^1].All(w => w != null), $"{name}: every column but the last needs a width");
            var endsWithId = ((string)headers[^1].Element("Label")!).EndsWith("Id");
            var beforeLast = widths[..^1].Sum(w => w!.Value) + headers.Count - 1;
            var total = beforeLast + (widths[^1] ?? (endsWithId ? 36 : 10));
            Assert.True(total < ConsoleWidth, $"{name} needs {total} columns");
            var withoutId = endsWithId ? beforeLast - 1 : total;
            Assert.True(withoutId < 80, $"{name} needs {withoutId} columns before its id, more than an 80-column console has");
        }
    }
}
