using SeeMe.Core.Entities;
using SeeMe.Server.SampleData;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>The server's --sample-data content: a labelled, split dataset, a model that predicts on it, the images on disk.</summary>
public sealed class SampleDataTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Sample_content_is_a_split_labelled_dataset_a_model_that_predicts_it_and_a_folder_of_images()
    {
        var folder = await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);

        var files = Directory.GetFiles(folder, "*.png").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(SampleModel.Labels.Length * SampleImages.PerLabel, files.Count);
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var result = ps.Run("""
            $version = Get-SeeMeDataset -Name 'Sample colours' | Get-SeeMeDatasetVersion -Latest
            $splits = @{}; foreach ($s in $version | Get-SeeMeDatasetSplit) { $splits[$s.Id] = $s.Name }
            $labels = @{}; foreach ($l in $version | Get-SeeMeDatasetLabel) { $labels[$l.Id] = $l.Name }
            foreach ($item in $version | Get-SeeMeDatasetItem) { 'item {0} {1} {2}' -f $item.Name, $splits[$item.Splits[0].Id], $labels[$item.Annotations[0].LabelId] }
            $model = Get-SeeMeModel -Name 'Sample colours'
            $args[0] | Invoke-SeeMePrediction -Model $model
            """, (object)Directory.GetFiles(folder, "*.png").Order().Select(f => new FileInfo(f)).ToArray());

        Assert.Empty(result.Errors);
        var items = result.Objects.OfType<string>().Select(line => line.Split(' ')).ToList();
        Assert.Equal(18, items.Count);
        Assert.All(items, i => Assert.StartsWith(i[3] + "-", i[1])); // each item carries the label of its colour
        Assert.Equal(12, items.Count(i => i[2] == "train"));
        Assert.Equal(3, items.Count(i => i[2] == "valid"));
        Assert.Equal(3, items.Count(i => i[2] == "test"));
        var predictions = result.OfType<Prediction>();
        Assert.Equal(files, predictions.Select(p => p.Name).Order());
        Assert.All(predictions, p => Assert.StartsWith(p.Label + "-", p.Name)); // the model gets every picture right
        Assert.All(predictions, p => Assert.InRange(p.Confidence, 0.5, 1.0));
    }

    [Fact]
    public async Task Adding_the_sample_content_again_keeps_one_dataset_and_one_model()
    {
        await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);
        await SampleContent.AddAsync(server.BaseUri, server.Server.SeedUser, server.DataDirectory);

        using var client = server.SeedUser();
        Assert.Single(await client.Datasets.GetAllAsync(), d => d.Name == SampleContent.Name);
        Assert.Single(await client.Models.GetAllAsync(), m => m.Name == SampleContent.Name);
    }
}
