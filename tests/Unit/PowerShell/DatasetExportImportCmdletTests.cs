using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>Export-SeeMeDatasetVersion and Import-SeeMeDatasetVersion.</summary>
public sealed class DatasetExportImportCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Export_then_import_of_the_folder_into_a_new_version_gives_the_same_items()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client, "robin", "sparrow");
        var images = TempFolder(_files);
        await NewImageItemAsync(client, version, "r1", "train", "robin", images);
        await NewImageItemAsync(client, version, "r2", "train", "robin", images);
        await NewImageItemAsync(client, version, "s1", "valid", "sparrow", images);
        var data = Path.Combine(TempFolder(_files), "data");

        var exported = ps.Run("Get-SeeMeDataset -Name $args[0] | Get-SeeMeDatasetVersion -Latest | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", dataset.Name, data);
        Assert.Empty(exported.Errors);
        Assert.Equal(data, Assert.Single(exported.OfType<DirectoryInfo>()).FullName);
        Assert.True(File.Exists(Path.Combine(data, "train", "robin", "r1.png")));
        Assert.True(File.Exists(Path.Combine(data, "valid", "sparrow", "s1.png")));
        Assert.Contains(exported.Progress, p => p.Activity.StartsWith("Exporting"));
        Assert.False(File.Exists(data + ".zip"));

        var imported = ps.Run("Get-SeeMeDataset -Name $args[0] | New-SeeMeDatasetVersion -Name copy | Import-SeeMeDatasetVersion -Path $args[1] -Format Folders", dataset.Name, data);
        Assert.Empty(imported.Errors);
        var copy = Assert.Single(imported.OfType<DatasetVersion>());
        Assert.Contains(imported.Progress, p => p.Activity.StartsWith("Importing"));
        Assert.Equal(Summary(client, version), Summary(client, copy));
        Assert.DoesNotContain(server.ApiKey, exported.AllText() + imported.AllText());
    }

    [Fact]
    public async Task Export_of_one_split_with_KeepZip_outputs_the_folder_and_the_zip()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin");
        var images = TempFolder(_files);
        await NewImageItemAsync(client, version, "t1", "train", "robin", images);
        await NewImageItemAsync(client, version, "v1", "valid", "robin", images);
        var data = Path.Combine(TempFolder(_files), "train-only");

        var result = ps.Run("Export-SeeMeDatasetVersion -DatasetId $args[0] -DatasetVersionId $args[1] -Split train -Destination $args[2] -KeepZip",
            version.DatasetId, version.Id, data);

        Assert.Empty(result.Errors);
        Assert.Single(result.OfType<DirectoryInfo>());
        Assert.Equal(data + ".zip", Assert.Single(result.OfType<FileInfo>()).FullName);
        Assert.True(File.Exists(data + ".zip"));
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("t1.png", files);
        Assert.DoesNotContain("v1.png", files);
    }

    [Fact]
    public async Task Export_of_a_version_whose_items_are_in_no_split_creates_the_folder_and_warns_it_is_empty()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = Unique("nosplit"), ContentType = "images", DefaultSplits = false });
        var version = dataset.Versions[0];
        await client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem { Name = "loose" });
        var data = Path.Combine(TempFolder(_files), "empty-export");

        var result = ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, data);

        Assert.Empty(result.Errors);
        Assert.Equal(data, Assert.Single(result.OfType<DirectoryInfo>()).FullName.TrimEnd(Path.DirectorySeparatorChar));
        Assert.True(Directory.Exists(data));
        Assert.Empty(Directory.GetFileSystemEntries(data));
        Assert.Contains("empty", Assert.Single(result.Warnings).Message);

        var (_, withSplits) = await NewDatasetAsync(client, "robin");
        await client.Items.CreateAsync(withSplits.DatasetId, withSplits.Id, new DatasetItem { Name = "loose" });
        var train = Path.Combine(TempFolder(_files), "empty-train");
        var oneSplit = ps.Run("$args[0] | Export-SeeMeDatasetVersion -Split train -Destination $args[1] -Format Folders", withSplits, train);
        Assert.Empty(oneSplit.Errors);
        Assert.True(Directory.Exists(train));
        Assert.Empty(Directory.GetFiles(train, "*", SearchOption.AllDirectories));
        Assert.Contains("empty", Assert.Single(oneSplit.Warnings).Message);

        var notEmpty = Path.Combine(TempFolder(_files), "not-empty");
        await NewImageItemAsync(client, withSplits, "t1", "train", "robin", TempFolder(_files));
        Assert.Empty(ps.Run("$args[0] | Export-SeeMeDatasetVersion -Split train -Destination $args[1] -Format Folders", withSplits, notEmpty).Warnings);
    }

    [Fact]
    public async Task Import_of_a_zip_and_WhatIf_of_export_and_import()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin");
        await NewImageItemAsync(client, version, "z1", "train", "robin", TempFolder(_files));
        var zip = Path.Combine(TempFolder(_files), "export.zip");
        await client.DatasetVersions.ExportAsync(version.DatasetId, version.Id, zip);
        var target = await client.DatasetVersions.CreateAsync(version.DatasetId, new DatasetVersion { Name = "from-zip" });
        var nowhere = Path.Combine(TempFolder(_files), "nowhere");

        var whatIf = ps.Run("""
            $args[0] | Export-SeeMeDatasetVersion -Destination $args[2] -WhatIf
            $args[1] | Import-SeeMeDatasetVersion -LiteralPath $args[3] -WhatIf
            """, version, target, nowhere, zip);
        Assert.Empty(whatIf.Errors);
        Assert.False(Directory.Exists(nowhere));
        Assert.Empty(await client.Items.GetPageAsync(target.DatasetId, target.Id, 0));

        var imported = ps.Run("$args[0] | Import-SeeMeDatasetVersion -LiteralPath $args[1]", target, zip);
        Assert.Empty(imported.Errors);
        Assert.Equal(Summary(client, version), Summary(client, target));
    }

    /// <summary>"split/label/name.extension" of every item, sorted: what export → import must keep.</summary>
    private static List<string> Summary(SeeMe.Core.SeeMeClient client, DatasetVersion version)
    {
        var fresh = client.DatasetVersions.GetAsync(version.DatasetId, version.Id).GetAwaiter().GetResult();
        var items = client.Items.GetPageAsync(version.DatasetId, version.Id, 0, new SeeMe.Core.Clients.ItemQuery { PageSize = 1000 }).GetAwaiter().GetResult();
        return items.Select(i => string.Join("/",
                string.Join(",", i.Splits.Select(s => fresh.Splits.Single(x => x.Id == s.Id).Name).Order()),
                string.Join(",", i.Annotations.Select(a => fresh.Labels.Single(l => l.Id == a.LabelId).Name).Order()),
                i.Name + "." + i.Extension.TrimStart('.')))
            .Order().ToList();
    }
}
