using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The README's quick start, line for line, against a local server (only the file locations
/// differ, and Get-ChildItem, which this engine lacks, is replaced by FileInfo objects).
/// </summary>
public sealed class QuickStartTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_readme_quick_start_runs_and_does_what_it_says()
    {
        var robin = _files.Image("robin1.jpg", SkiaSharp.SKColors.Brown);
        var onnx = _files.Bytes("birds.onnx", KnownModels.ColourClassifier());
        var labels = _files.Bytes("labels.txt", KnownModels.LabelsFile(KnownModels.Colours));
        var photos = new[] { new FileInfo(_files.Bytes("photos/a.jpg", KnownModels.GreenPng())), new FileInfo(_files.Bytes("photos/b.jpg", KnownModels.BluePng())) };
        var name = CoreClients.Unique("Birds");
        using var ps = new PowerShellHost();
        ps.Connect(server);

        var result = ps.Run("""
            $name, $robin, $copy, $birds, $onnx, $labels, $photos = $args
            $version = New-SeeMeDataset -Name $name -DefaultSplits | Get-SeeMeDatasetVersion -Latest
            $version | New-SeeMeDatasetLabel -Name robin
            $version | New-SeeMeDatasetItem -Name robin1 -Path $robin -Split train -Label robin
            $version | Get-SeeMeDatasetItem | Save-SeeMeDatasetItemImage -Destination $copy
            $version | Export-SeeMeDatasetVersion -Destination $birds

            $app   = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
            $model = New-SeeMeModel -Name $name -ApplicationId $app.Id
            Publish-SeeMeModel -Model $model -Path $onnx, $labels
            $photos | Invoke-SeeMePrediction -Model $model

            Get-SeeMeModel -Name $name | Remove-SeeMeModel -Confirm:$false
            """,
            name, robin, _files.PathOf("copy"), _files.PathOf("birds"), onnx, labels, photos);

        Assert.Empty(result.Errors);
        var predictions = result.OfType<Prediction>();
        Assert.Equal(new[] { "green", "blue" }, predictions.Select(p => p.Label));
        Assert.All(predictions, p => Assert.Equal(KnownModels.PureColour, p.Confidence, 4));
        Assert.True(File.Exists(_files.PathOf("copy/robin1.jpg")));
        Assert.Contains("train/robin/robin1.jpg", TestFiles.Tree(_files.PathOf("birds")));
        using var client = server.SeedUser();
        Assert.DoesNotContain(client.Models.GetAllAsync().GetAwaiter().GetResult(), m => m.Name == name);
    }
}
