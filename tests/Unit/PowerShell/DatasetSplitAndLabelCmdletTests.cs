using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>Splits, labels and label statistics.</summary>
public sealed class DatasetSplitAndLabelCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task New_dataset_piped_to_its_version_gets_a_new_label()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var result = ps.Run("New-SeeMeDataset -Name $args[0] -DefaultSplits | Get-SeeMeDatasetVersion | New-SeeMeDatasetLabel -Name cat -Color '#ff0000' -Shortcut c", Unique("pets"));
        Assert.Empty(result.Errors);
        var label = Assert.Single(result.OfType<DatasetLabel>());
        Assert.Equal("cat", label.Name);
        Assert.Equal("#ff0000", label.Color);
        using var client = Client(server);
        var labels = await client.Labels.GetAllAsync(label.DatasetId, label.DatasetVersionId);
        Assert.Equal("cat", Assert.Single(labels).Name);
    }

    [Fact]
    public async Task Short_and_alpha_colours_are_accepted_as_written_and_nonsense_is_refused_before_any_call()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client);

        var created = ps.Run("$args[0] | New-SeeMeDatasetLabel -Name white -Color '#fff'; $args[0] | New-SeeMeDatasetLabel -Name glass -Color '#D2691E80'", version);
        Assert.Empty(created.Errors);
        Assert.Equal(new[] { "#fff", "#D2691E80" }, created.OfType<DatasetLabel>().Select(l => l.Color));
        var changed = ps.Run("$args[0] | Get-SeeMeDatasetLabel -Name white | Set-SeeMeDatasetLabel -Color '#ABC' -PassThru", version);
        Assert.Empty(changed.Errors);
        Assert.Equal("#ABC", Assert.Single(changed.OfType<DatasetLabel>()).Color);

        var refused = ps.Run("$args[0] | New-SeeMeDatasetLabel -Name bad -Color '#ff'", version);
        Assert.Contains(refused.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        var labels = await client.Labels.GetAllAsync(version.DatasetId, version.Id);
        Assert.Equal(new[] { "#D2691E80", "#ABC" }, labels.OrderBy(l => l.Name).Select(l => l.Color));
    }

    [Fact]
    public async Task Labels_are_found_by_wildcard_changed_through_the_pipeline_and_removed()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "cat", "dog", "cow");

        var found = ps.Run("$args[0] | Get-SeeMeDatasetLabel -Name 'c*'", version);
        Assert.Equal(new[] { "cat", "cow" }, found.OfType<DatasetLabel>().Select(l => l.Name).Order());

        var renamed = ps.Run("$args[0] | Get-SeeMeDatasetLabel -Name cow | Set-SeeMeDatasetLabel -Name bull -Color '#00ff00' -PassThru", version);
        Assert.Empty(renamed.Errors);
        Assert.Equal("bull", Assert.Single(renamed.OfType<DatasetLabel>()).Name);

        var dog = version.Labels.Single(l => l.Name == "dog");
        var byId = ps.Run("Get-SeeMeDatasetLabel -DatasetId $args[0] -DatasetVersionId $args[1] -Id $args[2]", version.DatasetId, version.Id, dog.Id);
        Assert.Equal("dog", Assert.Single(byId.OfType<DatasetLabel>()).Name);

        var removed = ps.Run("$args[0] | Get-SeeMeDatasetLabel -Name dog | Remove-SeeMeDatasetLabel -Confirm:$false -PassThru", version);
        Assert.Empty(removed.Errors);
        var left = await client.Labels.GetAllAsync(version.DatasetId, version.Id);
        Assert.Equal(new[] { "bull", "cat" }, left.Select(l => l.Name).Order());
    }

    [Fact]
    public async Task Labels_of_a_version_object_pipe_on_by_their_DatasetVersionId()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (dataset, _) = await NewDatasetAsync(client, "a");
        var result = ps.Run("($args[0] | Get-SeeMeDatasetVersion).Labels | Set-SeeMeDatasetLabel -Description 'first' -PassThru", dataset);
        Assert.Empty(result.Errors);
        Assert.Equal("first", Assert.Single(result.OfType<DatasetLabel>()).Description);
    }

    [Fact]
    public async Task Splits_are_created_renamed_and_removed_and_WhatIf_keeps_them()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client);

        var created = ps.Run("$args[0] | New-SeeMeDatasetSplit -Name holdout, extra -Description 'kept back'", version);
        Assert.Empty(created.Errors);
        Assert.Equal(2, created.OfType<DatasetSplit>().Count);

        var renamed = ps.Run("Get-SeeMeDatasetSplit -DatasetId $args[0] -DatasetVersionId $args[1] -Name extra | Set-SeeMeDatasetSplit -Name spare -PassThru", version.DatasetId, version.Id);
        Assert.Equal("spare", Assert.Single(renamed.OfType<DatasetSplit>()).Name);

        var whatIf = ps.Run("$args[0] | Get-SeeMeDatasetSplit | Remove-SeeMeDatasetSplit -WhatIf", version);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(5, (await client.Splits.GetAllAsync(version.DatasetId, version.Id)).Count);

        var removed = ps.Run("$args[0] | Get-SeeMeDatasetSplit -Name spare | Remove-SeeMeDatasetSplit -Confirm:$false", version);
        Assert.Empty(removed.Errors);
        Assert.DoesNotContain(await client.Splits.GetAllAsync(version.DatasetId, version.Id), s => s.Name == "spare");
    }

    [Fact]
    public async Task Label_statistics_count_per_label_and_split()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "cat", "dog");
        var images = TempFolder(_files);
        await NewImageItemAsync(client, version, "c1", "train", "cat", images);
        await NewImageItemAsync(client, version, "c2", "train", "cat", images);
        await NewImageItemAsync(client, version, "u1", "train", null, images);

        var result = ps.Run("$args[0] | Get-SeeMeDatasetLabelStatistic -Split train", version);
        Assert.Empty(result.Errors);
        var stats = result.OfType<LabelStat>();
        var cat = version.Labels.Single(l => l.Name == "cat").Id;
        Assert.Equal(2, stats.Single(s => s.LabelId == cat).ItemCount);
        Assert.Equal(1, stats.Single(s => s.LabelId == "").ItemCount);

        var everySplit = ps.Run("$args[0] | Get-SeeMeDatasetLabelStatistic", version);
        Assert.Empty(everySplit.Errors);
        var train = version.Splits.Single(s => s.Name == "train").Id;
        Assert.Contains(everySplit.OfType<LabelStat>(), s => s.SplitId == train && s.LabelId == cat && s.ItemCount == 2);
    }

    [Fact]
    public async Task An_unknown_split_name_stops_with_DatasetSplitNotFound()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client);
        var result = ps.Run("$args[0] | Get-SeeMeDatasetItem -Split nosuchsplit", version);
        var error = Assert.Single(result.Errors);
        Assert.Equal("DatasetSplitNotFound,SeeMe.PowerShell.Commands.DatasetItems.GetSeeMeDatasetItemCommand", error.FullyQualifiedErrorId);
        Assert.Equal("nosuchsplit", error.TargetObject);
    }
}
