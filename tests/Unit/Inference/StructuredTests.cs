using SeeMe.TestModels;

namespace SeeMe.Tests.Inference;

public sealed class StructuredTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    // features a, b, c → classes no, yes: logits = [a + 0.5b - c + 0.1, -a + 2b + 0.1c - 0.2]
    private static readonly float[,] Weights = { { 1f, -1f }, { 0.5f, 2f }, { -1f, 0.1f } };
    private static readonly float[] Bias = [0.1f, -0.2f];
    private const string Features = """{"c": 3, "b": "2.5", "a": 1}""";

    private static (double No, double Yes) Expected()
    {
        double a = 1, b = 2.5, c = 3;
        double no = a + 0.5 * b - c + 0.1, yes = -a + 2 * b + 0.1 * c - 0.2;
        var sum = Math.Exp(no) + Math.Exp(yes);
        return (Math.Exp(no) / sum, Math.Exp(yes) / sum);
    }

    private SeeMe.Server.Inference.InferenceResult Predict(byte[] model, string features = Features, string config = "", bool labels = true) =>
        _api.Engine.Predict(_api.Request("structured", model, labels ? _api.Labels("no", "yes") : null, config) with { StructuredJson = features });

    [Fact]
    public void One_vector_in_the_order_of_column_names()
    {
        var result = Predict(OnnxModelBuilder.LinearClassifier(Weights, Bias), config: """{"column_names":"a, b, c"}""");
        Assert.Equal(["yes", "no"], result.Items.Select(i => i.Label));
        Assert.Equal(Expected().Yes, result.Items[0].Confidence, 1e-4);
        Assert.Equal(Expected().No, result.Items[1].Confidence, 1e-4);
    }

    [Fact]
    public void Column_names_may_be_a_json_list()
    {
        var result = Predict(OnnxModelBuilder.LinearClassifier(Weights, Bias), config: """{"column_names":["a","b","c"]}""");
        Assert.Equal(Expected().Yes, result.Items[0].Confidence, 1e-4);
    }

    [Fact]
    public void One_input_per_feature()
    {
        var result = Predict(OnnxModelBuilder.LinearClassifierPerFeature(["a", "b", "c"], Weights, Bias));
        Assert.Equal("yes", result.Items[0].Label);
        Assert.Equal(Expected().Yes, result.Items[0].Confidence, 1e-4);
    }

    [Fact]
    public void A_scikit_learn_style_classifier_names_its_best_class_without_a_labels_file()
    {
        var model = OnnxModelBuilder.MlLinearClassifier(Weights, Bias, ["no", "yes"]);
        var result = Predict(model, config: """{"column_names":"a,b,c"}""", labels: false);
        Assert.Equal("yes", result.Items[0].Label);
        Assert.Equal(Expected().Yes, result.Items[0].Confidence, 1e-4);
        Assert.Equal(["yes", "0"], result.Items.Select(i => i.Label));
    }

    [Fact]
    public void A_missing_feature_is_named()
    {
        var error = _api.Refusal(_api.Request("structured", OnnxModelBuilder.LinearClassifier(Weights, Bias), config: """{"column_names":"a,b,c"}""")
            with { StructuredJson = """{"a": 1, "c": 2}""" });
        Assert.Equal(400, error.Status);
        Assert.Contains("'b'", error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void A_missing_per_input_feature_is_named()
    {
        var error = _api.Refusal(_api.Request("structured", OnnxModelBuilder.LinearClassifierPerFeature(["a", "b", "c"], Weights, Bias))
            with { StructuredJson = """{"a": 1, "b": 2}""" });
        Assert.Equal(400, error.Status);
        Assert.Contains("'c'", error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Theory]
    [InlineData("""{"a": 1, "b": "Tuesday", "c": 2}""")]
    [InlineData("""{"a": 1, "b": null, "c": 2}""")]
    [InlineData("""{"a": 1, "b": [2], "c": 2}""")]
    public void A_non_numeric_feature_is_named(string features)
    {
        foreach (var (model, config) in new[]
                 {
                     (OnnxModelBuilder.LinearClassifier(Weights, Bias), """{"column_names":"a,b,c"}"""),
                     (OnnxModelBuilder.LinearClassifierPerFeature(["a", "b", "c"], Weights, Bias), ""),
                 })
        {
            var error = _api.Refusal(_api.Request("structured", model, config: config) with { StructuredJson = features });
            Assert.Equal(400, error.Status);
            Assert.Contains("'b'", error.Message);
            Assert.Contains("must be a number", error.Message);
        }
    }

    [Fact]
    public void A_vector_model_without_column_names_asks_for_them()
    {
        var error = _api.Refusal(_api.Request("structured", OnnxModelBuilder.LinearClassifier(Weights, Bias)) with { StructuredJson = Features });
        Assert.Equal(422, error.Status);
        Assert.Contains("column_names", error.Message);
    }

    [Fact]
    public void Column_names_must_match_the_vector_length()
    {
        var error = _api.Refusal(_api.Request("structured", OnnxModelBuilder.LinearClassifier(Weights, Bias), config: """{"column_names":"a,b"}""")
            with { StructuredJson = Features });
        Assert.Equal(422, error.Status);
        Assert.Contains("takes 3 features", error.Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("not json")]
    public void Features_must_be_a_json_object(string features)
    {
        var error = _api.Refusal(_api.Request("structured", OnnxModelBuilder.LinearClassifierPerFeature(["a", "b", "c"], Weights, Bias)) with { StructuredJson = features });
        Assert.Equal(400, error.Status);
        Assert.Contains("JSON object", error.Message);
    }
}
