using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// Real predictions from real ONNX models through the cmdlets: texts, hashtables, -Version, and
/// reporting a prediction wrong. The expected answers come from the models' known weights.
/// </summary>
public sealed class RealPredictionCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (PowerShellHost Ps, Model Model) PublishedModel(string applicationType, byte[] onnx, string[] labels, string config = null)
    {
        var ps = new PowerShellHost();
        ps.Connect(server);
        var script = """
            $type, $name, $onnx, $labels, $config = $args
            $app = Get-SeeMeApplication -Framework onnx -ApplicationType $type
            $model = New-SeeMeModel -Name $name -ApplicationId $app.Id
            Publish-SeeMeModel -Model $model -LiteralPath $onnx, $labels | Out-Null
            if ($config) { Get-SeeMeModelVersion -Model $model | Set-SeeMeModelVersion -Config $config }
            $model
            """;
        var name = CoreClients.Unique(applicationType);
        var result = ps.Run(script, applicationType, name, _files.Bytes(name + ".onnx", onnx), _files.Bytes(name + ".txt", KnownModels.LabelsFile(labels)), config);
        Assert.Empty(result.Errors);
        return (ps, Assert.Single(result.OfType<Model>()));
    }

    [Fact]
    public void Piped_texts_are_classified_by_a_text_model()
    {
        var (ps, model) = PublishedModel("text_classification", KnownModels.TextClassifier(), KnownModels.Sentiments);
        using var _ = ps;
        var result = ps.Run("'lovely', 'awful', 'meh' | Invoke-SeeMePrediction -Model $args[0]", model);
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "positive", "negative", "neutral" }, result.OfType<Prediction>().Select(p => p.Label));
        Assert.Equal(new[] { "lovely", "awful", "meh" }, result.OfType<Prediction>().Select(p => p.Name));
        Assert.Equal(new[] { "lovely", "awful", "meh" }, result.OfType<Prediction>().Select(p => p.Input));
    }

    [Fact]
    public void Hashtables_and_objects_are_structured_rows()
    {
        var (ps, model) = PublishedModel("structured", KnownModels.LinearClassifier(), KnownModels.YesNo, KnownModels.ColumnNamesConfig);
        using var _ = ps;
        var result = ps.Run("@{ a = 1; b = 2; c = 3 }, [pscustomobject]@{ a = 3; b = 0; c = 1 } | Invoke-SeeMePrediction -Model $args[0]", model);
        Assert.Empty(result.Errors);
        var predictions = result.OfType<Prediction>();
        var first = KnownModels.LinearExpected(1, 2, 3);
        var second = KnownModels.LinearExpected(3, 0, 1);
        Assert.Equal(first.Yes > first.No ? "yes" : "no", predictions[0].Label);
        Assert.Equal(Math.Max(first.Yes, first.No), predictions[0].Confidence, 4);
        Assert.Equal(second.Yes > second.No ? "yes" : "no", predictions[1].Label);
        Assert.Equal(Math.Max(second.Yes, second.No), predictions[1].Confidence, 4);
        Assert.Equal(1, ((System.Collections.Hashtable)predictions[0].Input)["a"]);       // the row as given joins back to its prediction
        Assert.Equal(3, ((System.Management.Automation.PSObject)predictions[1].Input).Properties["a"].Value);
    }

    [Fact]
    public void A_missing_feature_is_one_error_that_names_it()
    {
        var (ps, model) = PublishedModel("structured", KnownModels.LinearClassifier(), KnownModels.YesNo, KnownModels.ColumnNamesConfig);
        using var _ = ps;
        var result = ps.Run("@{ a = 1; b = 2 }, @{ a = 1; b = 2; c = 3 } | Invoke-SeeMePrediction -Model $args[0]", model);
        var error = Assert.Single(result.Errors);
        Assert.Contains("'c'", error.Exception.Message);
        Assert.Equal("PredictionInvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Single(result.OfType<Prediction>());
    }

    [Fact]
    public void Version_predicts_with_that_versions_model_and_a_prediction_can_be_reported_wrong()
    {
        var (ps, model) = PublishedModel("image_classification", KnownModels.ColourClassifier(), KnownModels.Colours);
        using var _ = ps;
        var red = new FileInfo(_files.Bytes("red.png", KnownModels.RedPng()));
        var rotated = _files.Bytes("rotated.onnx", KnownModels.RotatedColourClassifier());
        var labels = _files.Bytes("colours.txt", KnownModels.LabelsFile(KnownModels.Colours));

        var result = ps.Run("""
            $model, $red, $rotated, $labels = $args
            $v2 = New-SeeMeModelVersion -Model $model -Name v2
            Publish-SeeMeModel -Model $model -Version $v2 -LiteralPath $rotated, $labels | Out-Null
            $red | Invoke-SeeMePrediction -Model $model
            $red | Invoke-SeeMePrediction -Model $model -Version $v2 |
                Set-SeeMePrediction -ErrorReported -ErrorMessage 'v2 says green for red' -PassThru
            """, model, red, rotated, labels);

        Assert.Empty(result.Errors);
        var predictions = result.OfType<Prediction>();
        Assert.Equal(new[] { "red", "green" }, predictions.Select(p => p.Label));
        Assert.Equal(model.ActiveVersionId, predictions[0].ModelVersionId);
        Assert.NotEqual(model.ActiveVersionId, predictions[1].ModelVersionId);
        Assert.True(predictions[1].ErrorReported);
        Assert.Equal("v2 says green for red", predictions[1].Error);
    }
}
