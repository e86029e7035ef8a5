using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.Server.SampleData;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.PowerShell.DatasetTestData;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// Entity parameters (-Model, -Version, -Dataset, -DatasetVersion, -Job, New-SeeMeJob's) take an object, an id or an exact
/// name: a unique name works, an ambiguous or unknown one is an error of the entity's kind that lists what matched; and
/// they complete names on Tab.
/// </summary>
public sealed class NameCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private PowerShellHost Connected() => PowerShellHost.ConnectedTo(server);

    [Fact]
    public async Task Invoke_SeeMePrediction_takes_the_models_name()
    {
        var images = await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);
        using var ps = Connected();

        var result = ps.Run("Invoke-SeeMePrediction -Model 'Sample colours' -Path $args[0]", Path.Combine(images, "red-1.png"));

        Assert.Empty(result.Errors);
        Assert.Equal("red", Assert.Single(result.OfType<Prediction>()).Label);
    }

    [Fact]
    public void Model_and_version_parameters_take_names()
    {
        using var ps = Connected();
        var name = Unique("Named model");
        var made = ps.Run("""
            $model = New-SeeMeModel -Name $args[0]
            New-SeeMeModelVersion -Model $args[0] -Name 'second' | Out-Null
            Get-SeeMeModelVersion -Model $args[0]
            """, name);
        Assert.Empty(made.Errors);
        var versions = made.OfType<ModelVersion>().OrderBy(v => v.VersionNumber).ToList();
        Assert.Equal("second", versions[^1].Name);

        var switched = ps.Run("Set-SeeMeModel -Model $args[0] -ActiveVersion second -PassThru", name);
        Assert.Empty(switched.Errors);
        Assert.Equal(versions[^1].Id, Assert.Single(switched.OfType<Model>()).ActiveVersionId);

        var removed = ps.Run("Remove-SeeMeModel -Model $args[0] -Confirm:$false -PassThru", name.ToUpperInvariant()); // case is ignored when that leaves one
        Assert.Empty(removed.Errors);
        Assert.Equal(name, Assert.Single(removed.OfType<Model>()).Name);
    }

    [Fact]
    public async Task Dataset_and_dataset_version_parameters_take_names_and_ids()
    {
        using var ps = Connected();
        using var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client, "robin");
        version.Name = Unique("version");
        await client.DatasetVersions.UpdateAsync(version);
        await NewImageItemAsync(client, version, "robin-1", "train", "robin", TempFolder(_files));

        var byDatasetName = ps.Run("Get-SeeMeDatasetVersion -Dataset $args[0] -Latest", dataset.Name);
        Assert.Equal(version.Id, Assert.Single(byDatasetName.OfType<DatasetVersion>()).Id);
        foreach (var given in new[] { version.Name, version.Id })
        {
            var items = ps.Run("Get-SeeMeDatasetItem -DatasetVersion $args[0]", given);
            Assert.Empty(items.Errors);
            Assert.Equal("robin-1", Assert.Single(items.OfType<DatasetItem>()).Name);
        }
        var labelled = ps.Run("New-SeeMeDatasetLabel -DatasetVersion $args[0] -Name sparrow; Get-SeeMeDatasetLabel -DatasetVersion $args[0]", version.Name);
        Assert.Equal(["robin", "sparrow"], labelled.OfType<DatasetLabel>().Select(l => l.Name).Distinct().Order());
    }

    [Fact]
    public void A_name_several_models_have_is_an_error_that_lists_them_and_changes_nothing()
    {
        using var ps = Connected();
        var name = Unique("Twin");
        var twins = ps.Run("New-SeeMeModel -Name $args[0]; New-SeeMeModel -Name $args[0]", name).OfType<Model>();

        var result = ps.Run("Set-SeeMeModel -Model $args[0] -Description changed", name);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ModelNameAmbiguous,SeeMe.PowerShell.Commands.Models.SetSeeMeModelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal($"2 models are named '{name}': '{name}' ({twins[0].Id}), '{name}' ({twins[1].Id}).", error.Exception.Message);
        Assert.Equal("Pass the one you mean by its id, or as an object from Get-SeeMeModel.", error.ErrorDetails.RecommendedAction);
        Assert.All(ps.Run("Get-SeeMeModel -Name $args[0]", name).OfType<Model>(), m => Assert.Equal("", m.Description));
    }

    [Fact]
    public void An_unknown_name_is_an_error_of_the_entitys_kind_whatever_the_command()
    {
        using var ps = Connected();
        var name = Unique("Colour model");
        ps.Run("New-SeeMeModel -Name $args[0]", name);

        var result = ps.Run("Invoke-SeeMePrediction -Model $args[0] -Text 'hello'", name[..^3]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ModelNotFound,SeeMe.PowerShell.Commands.Predictions.InvokeSeeMePredictionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.StartsWith($"There is no model named '{name[..^3]}' that you can see. Names like it: '{name}' (", error.Exception.Message);
        Assert.Equal("Pass the exact name, the id or the object; Get-SeeMeModel lists the ones you can see.", error.ErrorDetails.RecommendedAction);
        var dataset = Assert.Single(ps.Run("Get-SeeMeDatasetVersion -Dataset 'no such dataset'").Errors);
        Assert.Equal("DatasetNotFound,SeeMe.PowerShell.Commands.DatasetVersions.GetSeeMeDatasetVersionCommand", dataset.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task New_SeeMeJob_takes_objects_ids_and_names()
    {
        using var ps = Connected();
        using var client = Client(server);
        var (dataset, version) = await NewDatasetAsync(client);
        var modelName = Unique("Job model");
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", modelName).OfType<Model>());
        var application = Assert.Single(ps.Run("Get-SeeMeApplication -Framework onnx -ApplicationType image_classification").OfType<Application>());

        var result = ps.Run("New-SeeMeJob -Name $args[0] -JobType training -DatasetVersion $args[1] -Model $args[2] -ModelVersion $args[3] -Application $args[4] -StartModel $args[5]",
            Unique("Job"), version, modelName, model.ActiveVersionId, application.Name, model.Id);

        Assert.Empty(result.Errors);
        var job = Assert.Single(result.OfType<Job>());
        Assert.Equal((dataset.Id, version.Id), (job.DatasetId, job.DatasetVersionId)); // the version brings its dataset
        Assert.Equal((model.Id, model.ActiveVersionId, model.Id, application.Id), (job.ModelId, job.ModelVersionId, job.StartModelId, job.ApplicationId));
        var renamed = ps.Run("Set-SeeMeJob -Job $args[0] -Status started -PassThru", job.Name);
        Assert.Equal("started", Assert.Single(renamed.OfType<Job>()).Status);
        var byIds = ps.Run("New-SeeMeJob -Name $args[0] -JobType training -DatasetId $args[1] -DatasetVersionId $args[2] -ModelId $args[3]", Unique("Job"), dataset.Id, version.Id, model.Id);
        Assert.Equal((dataset.Id, version.Id, model.Id), (Assert.Single(byIds.OfType<Job>()).DatasetId, byIds.OfType<Job>()[0].DatasetVersionId, byIds.OfType<Job>()[0].ModelId));
    }

    [Fact]
    public async Task Entity_parameters_complete_names()
    {
        using var ps = Connected();
        using var client = Client(server);
        var prefix = "Tabbed" + Guid.NewGuid().ToString("N")[..6];
        var (dataset, version) = await NewDatasetAsync(client);
        dataset.Name = prefix + " birds";
        await client.Datasets.UpdateAsync(dataset);
        version.Name = prefix + " v1";
        await client.DatasetVersions.UpdateAsync(version);
        ps.Run("New-SeeMeModel -Name $args[0] | New-SeeMeModelVersion -Name $args[1]; New-SeeMeJob -Name $args[2] -JobType training", prefix + " model", prefix + "-v2", prefix + "-job");

        Assert.Equal([$"'{prefix} model'"], Complete(ps, $"Invoke-SeeMePrediction -Model {prefix}"));
        Assert.Equal([$"{prefix}-v2"], Complete(ps, $"Invoke-SeeMePrediction -Model '{prefix} model' -Version {prefix}"));
        Assert.Equal([$"'{prefix} birds'"], Complete(ps, $"Get-SeeMeDatasetVersion -Dataset {prefix}"));
        Assert.Equal([$"'{prefix} v1'"], Complete(ps, $"Get-SeeMeDatasetItem -DatasetVersion {prefix}"));
        Assert.Equal([$"{prefix}-job"], Complete(ps, $"Remove-SeeMeJob -Job {prefix}"));
        Assert.Equal([$"'{prefix} model'"], Complete(ps, $"New-SeeMeJob -StartModel {prefix}"));
    }

    private static List<string> Complete(PowerShellHost ps, string input)
    {
        var result = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches", input);
        Assert.Empty(result.Errors);
        return result.Output.Select(o => ((CompletionResult)o.BaseObject).CompletionText).ToList();
    }
}
