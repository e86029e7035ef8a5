using System.Collections;
using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

public sealed class PredictionCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private (PowerShellHost Ps, Model Model) ImageModel(TestFiles files)
    {
        var ps = new PowerShellHost();
        Assert.Empty(ps.Connect(server).Errors);
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("Colours")).OfType<Model>());
        var onnx = files.Bytes("model.onnx", OnnxModelBuilder.ImageClassifier());
        var labels = files.Text("labels.txt", "red\ngreen\nblue\n");
        var published = ps.Run("Publish-SeeMeModel -Model $args[0] -LiteralPath $args[1], $args[2]", model, onnx, labels);
        Assert.Empty(published.Errors);
        return (ps, model);
    }

    [Fact]
    public void Files_piped_into_Invoke_give_one_prediction_each_and_a_bad_file_does_not_stop_the_pipeline()
    {
        using var files = new TestFiles();
        var (ps, model) = ImageModel(files);
        using var _ = ps;
        var red = new FileInfo(files.Image("red.png", TestImages.Red));
        var broken = new FileInfo(files.Text("broken.png", "this is not an image"));
        var blue = new FileInfo(files.Image("blue.png", TestImages.Blue));

        var result = ps.Run("$args[0], $args[1], $args[2] | Invoke-SeeMePrediction -Model $args[3]", red, broken, blue, model);

        var predictions = result.OfType<Prediction>();
        Assert.Equal(["red.png", "blue.png"], predictions.Select(p => p.Name));
        Assert.Equal("red", predictions[0].Label);
        var error = Assert.Single(result.Errors);
        Assert.Equal(broken.FullName, error.TargetObject);
        Assert.Contains(error.CategoryInfo.Category, new[] { ErrorCategory.InvalidArgument, ErrorCategory.InvalidData });
        Assert.StartsWith("Prediction", error.FullyQualifiedErrorId);
        Assert.Contains(result.Progress, p => p.Activity.Contains(model.Name));
    }

    [Fact]
    public void A_missing_file_is_FileNotFound_before_upload_and_the_rest_still_runs()
    {
        using var files = new TestFiles();
        var (ps, model) = ImageModel(files);
        using var _ = ps;
        var red = files.Image("red.png", TestImages.Red);
        var result = ps.Run("Invoke-SeeMePrediction -Model $args[0] -Path $args[1], $args[2]", model.Id, files.PathOf("missing.png"), red);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PredictionFileNotFound,SeeMe.PowerShell.Commands.Predictions.InvokeSeeMePredictionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Single(result.OfType<Prediction>());
    }

    [Fact]
    public void Path_strings_from_the_pipeline_are_files_for_an_image_model()
    {
        using var files = new TestFiles();
        var (ps, model) = ImageModel(files);
        using var _ = ps;
        var green = files.Image("green.png", TestImages.Green);
        var result = ps.Run("$args[0] | Invoke-SeeMePrediction -Model $args[1]", green, model);
        Assert.Empty(result.Errors);
        Assert.Equal("green", Assert.Single(result.OfType<Prediction>()).Label);
    }

    [Fact]
    public void Texts_and_structured_rows_go_to_the_server_as_the_application_type_says()
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("NoFile")).OfType<Model>());
        // The model has no file yet, so the server refuses every input; each refusal is one non-terminating error.
        var texts = ps.Run("'good', 'bad' | Invoke-SeeMePrediction -Model $args[0] -ApplicationType text_classification; 'went on'", model);
        Assert.Equal(2, texts.Errors.Count);
        Assert.Equal("good", texts.Errors[0].TargetObject);
        Assert.All(texts.Errors, e => Assert.StartsWith("Prediction", e.FullyQualifiedErrorId));
        Assert.Contains("went on", texts.Objects);

        var rows = ps.Run("@{ a = 1 }, [pscustomobject]@{ a = 2 } | Invoke-SeeMePrediction -Model $args[0] -ApplicationType structured", model);
        Assert.Equal(2, rows.Errors.Count);
        Assert.IsAssignableFrom<IDictionary>(rows.Errors[0].TargetObject is PSObject p ? p.BaseObject : rows.Errors[0].TargetObject);
    }

    [Fact]
    public void History_is_listed_paged_and_a_prediction_can_be_reported_wrong()
    {
        using var files = new TestFiles();
        var (ps, model) = ImageModel(files);
        using var _ = ps;
        var images = new[] { files.Image("r1.png", TestImages.Red), files.Image("g1.png", TestImages.Green), files.Image("b1.png", TestImages.Blue) };
        Assert.Empty(ps.Run("Invoke-SeeMePrediction -Model $args[0] -LiteralPath $args[1]", model, images).Errors);

        var all = ps.Run("Get-SeeMeModel -Id $args[0] | Get-SeeMePrediction", model.Id);
        Assert.Empty(all.Errors);
        Assert.Equal(3, all.OfType<Prediction>().Count);
        Assert.Equal(2, ps.Run("Get-SeeMePrediction -Model $args[0] -First 2", model.Id).OfType<Prediction>().Count);
        Assert.Single(ps.Run("Get-SeeMePrediction -Model $args[0] -Skip 2", model.Id).OfType<Prediction>());

        var reported = ps.Run("Get-SeeMePrediction -Model $args[0] -First 1 | Set-SeeMePrediction -ErrorMessage 'wrong colour' -PassThru", model.Id);
        Assert.Empty(reported.Errors);
        var prediction = Assert.Single(reported.OfType<Prediction>());
        Assert.True(prediction.ErrorReported);
        Assert.Equal("wrong colour", prediction.Error);

        var hidden = ps.Run("Get-SeeMePrediction -Model $args[0] -First 1 | Set-SeeMePrediction -Hidden; @(Get-SeeMePrediction -Model $args[0]).Count; @(Get-SeeMePrediction -Model $args[0] -IncludeHidden).Count", model.Id);
        Assert.Empty(hidden.Errors);
        Assert.Equal([2, 3], hidden.Objects.Select(Convert.ToInt32));
    }
}
