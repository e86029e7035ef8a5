using System.Management.Automation;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>Get/New/Set/Remove-SeeMeDataset, the logo cmdlets, and dataset versions.</summary>
public sealed class DatasetCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Commands = "SeeMe.PowerShell.Commands";

    [Fact]
    public async Task New_creates_a_dataset_with_a_first_version_and_default_splits_and_Get_finds_it_by_wildcard()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var name = Unique("birds");
        var created = ps.Run("New-SeeMeDataset -Name $args[0] -Description 'd' -ContentType images -DefaultSplits -MultiLabel -Notes 'n'", name);
        Assert.Empty(created.Errors);
        var dataset = Assert.Single(created.OfType<Dataset>());
        Assert.True(dataset.MultiLabel);

        var found = ps.Run("Get-SeeMeDataset -Name ($args[0].Substring(0, 8) + '*') -Owned", name);
        Assert.Contains(found.OfType<Dataset>(), d => d.Id == dataset.Id);

        var splits = await Client(server).Splits.GetAllAsync(dataset.Id, dataset.Versions[0].Id);
        Assert.Equal(new[] { "test", "train", "valid" }, splits.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Set_changes_only_what_is_given_and_PassThru_outputs_it()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, _) = await NewDatasetAsync(client);

        var quiet = ps.Run("$args[0] | Set-SeeMeDataset -Description 'changed'", dataset);
        Assert.Empty(quiet.Errors);
        Assert.Empty(quiet.Output);
        var result = ps.Run("Set-SeeMeDataset -DatasetId $args[0] -Name $args[1] -PassThru", dataset.Id, dataset.Name + "-renamed");
        Assert.Empty(result.Errors);
        var updated = Assert.Single(result.OfType<Dataset>());
        Assert.Equal(dataset.Name + "-renamed", updated.Name);
        Assert.Equal("changed", (await client.Datasets.GetAsync(dataset.Id)).Description);
    }

    [Fact]
    public async Task WhatIf_changes_nothing()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client, "cat");
        var name = Unique("never");

        var result = ps.Run("""
            New-SeeMeDataset -Name $args[0] -WhatIf
            $args[1] | Set-SeeMeDataset -Name 'x' -WhatIf
            $args[1] | Get-SeeMeDatasetVersion | New-SeeMeDatasetLabel -Name dog -WhatIf
            $args[1] | Get-SeeMeDatasetVersion | Remove-SeeMeDatasetVersion -WhatIf
            $args[1] | Remove-SeeMeDataset -WhatIf
            """, name, dataset);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(await client.Datasets.GetAllAsync(), d => d.Name == name);
        var after = await client.DatasetVersions.GetAsync(dataset.Id, version.Id);
        Assert.Equal(dataset.Name, (await client.Datasets.GetAsync(dataset.Id)).Name);
        Assert.Equal(new[] { "cat" }, after.Labels.Select(l => l.Name));
    }

    [Fact]
    public async Task Remove_deletes_and_a_missing_id_is_a_DatasetNotFound_error_while_the_pipeline_goes_on()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (first, _) = await NewDatasetAsync(client);
        var (second, _) = await NewDatasetAsync(client);
        var missing = Guid.NewGuid().ToString();

        var result = ps.Run("$args | ForEach-Object { [pscustomobject]@{ DatasetId = $_ } } | Remove-SeeMeDataset -Confirm:$false -PassThru", first.Id, missing, second.Id);

        Assert.Equal(new[] { first.Id, second.Id }, result.OfType<Dataset>().Select(d => d.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal($"DatasetNotFound,{Commands}.Datasets.RemoveSeeMeDatasetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(missing, error.TargetObject);
        var gone = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Datasets.GetAsync(first.Id));
        Assert.True(gone.IsNotFound);
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }

    [Fact]
    public void Get_by_missing_id_writes_DatasetNotFound_and_goes_on_with_the_next_id()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var name = Unique("ok");
        var result = ps.Run("$d = New-SeeMeDataset -Name $args[0]; $args[1], $d.Id | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Get-SeeMeDataset", name, Guid.NewGuid().ToString());
        var error = Assert.Single(result.Errors);
        Assert.Equal($"DatasetNotFound,{Commands}.Datasets.GetSeeMeDatasetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(name, Assert.Single(result.OfType<Dataset>().Where(d => d.Name == name)).Name);
    }

    [Fact]
    public async Task Logo_round_trips_through_Set_and_Save()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, _) = await NewDatasetAsync(client);
        var folder = TempFolder(_files);
        var logo = Png(folder, "logo.png", SKColors.Red);
        var saveTo = Path.Combine(folder, "saved");

        var result = ps.Run("Get-SeeMeDataset -Id $args[0] | Set-SeeMeDatasetLogo -LiteralPath $args[1] -PassThru | Save-SeeMeDatasetLogo -Destination $args[2]",
            dataset.Id, logo, saveTo);

        Assert.Empty(result.Errors);
        var file = Assert.Single(result.OfType<FileInfo>());
        Assert.Equal(saveTo, file.DirectoryName);
        Assert.Equal(File.ReadAllBytes(logo), File.ReadAllBytes(file.FullName));
        Assert.True((await client.Datasets.GetAsync(dataset.Id)).HasLogo);
    }

    [Fact]
    public async Task Versions_are_listed_created_renamed_copied_and_removed()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, first) = await NewDatasetAsync(client, "cat");

        var created = ps.Run("$args[0] | New-SeeMeDatasetVersion -Name v2 -Description two", dataset);
        Assert.Empty(created.Errors);
        var v2 = Assert.Single(created.OfType<DatasetVersion>());
        Assert.Equal(dataset.Id, v2.DatasetId);

        var latest = ps.Run("$args[0] | Get-SeeMeDatasetVersion -Latest", dataset);
        Assert.Equal(v2.Id, Assert.Single(latest.OfType<DatasetVersion>()).Id);
        var all = ps.Run("Get-SeeMeDatasetVersion -DatasetId $args[0]", dataset.Id);
        Assert.Equal(2, all.OfType<DatasetVersion>().Count);

        var renamed = ps.Run("Get-SeeMeDatasetVersion -DatasetId $args[0] -Id $args[1] | Set-SeeMeDatasetVersion -Name v2b -PassThru", dataset.Id, v2.Id);
        Assert.Equal("v2b", Assert.Single(renamed.OfType<DatasetVersion>()).Name);

        var copied = ps.Run("Get-SeeMeDatasetVersion -DatasetId $args[0] -Id $args[1] | Copy-SeeMeDatasetVersion", dataset.Id, first.Id);
        Assert.Empty(copied.Errors);
        var copy = Assert.Single(copied.OfType<DatasetVersion>());
        Assert.Equal(new[] { "cat" }, copy.Labels.Select(l => l.Name));

        var removed = ps.Run("Remove-SeeMeDatasetVersion -DatasetId $args[0] -DatasetVersionId $args[1] -Confirm:$false", dataset.Id, v2.Id);
        Assert.Empty(removed.Errors);
        Assert.DoesNotContain(await client.DatasetVersions.GetAllAsync(dataset.Id), v => v.Id == v2.Id);
    }
}
