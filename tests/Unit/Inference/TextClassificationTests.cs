using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

public sealed class TextClassificationTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    private static readonly Dictionary<string, long> Words = new() { ["cat"] = 1, ["dog"] = 2 };

    [Theory]
    [InlineData("cat", "cat")]
    [InlineData("dog", "dog")]
    [InlineData("a fish", "other")]
    public void Known_words_get_their_class(string text, string expected)
    {
        var request = _api.Request("text_classification", OnnxModelBuilder.TextClassifier(Words, 3), _api.Labels("other", "cat", "dog")) with { Text = text };
        var result = _api.Engine.Predict(request);
        Assert.Equal(expected, result.Items[0].Label);
        Assert.Equal(1.0, result.Items[0].Confidence, 1e-6);
        Assert.Equal(3, result.Items.Count);
        Assert.All(result.Items.Skip(1), i => Assert.Equal(0.0, i.Confidence, 1e-6));
    }

    [Fact]
    public void A_zipmap_output_names_the_classes_itself()
    {
        var model = OnnxModelBuilder.TextClassifierWithZipMap(Words, ["other", "kitten", "puppy"]);
        var result = _api.Engine.Predict(_api.Request("text_classification", model) with { Text = "dog" });
        Assert.Equal("puppy", result.Items[0].Label);
        Assert.Equal(1.0, result.Items[0].Confidence, 1e-6);
        Assert.Equal(["kitten", "other", "puppy"], result.Items.Select(i => i.Label).Order());
    }

    [Fact]
    public void A_text_model_does_not_take_images()
    {
        var request = _api.Request("text_classification", OnnxModelBuilder.TextClassifier(Words, 3)) with { ImageBytes = TestImages.Solid(TestImages.Red) };
        var error = _api.Refusal(request);
        Assert.Equal(400, error.Status);
        Assert.Contains("needs text", error.Message);
        Assert.Contains("an image", error.Message);
    }

    [Fact]
    public void An_image_model_cannot_classify_text()
    {
        var request = _api.Request("text_classification", OnnxModelBuilder.ImageClassifier()) with { Text = "cat" };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains("not a string tensor", error.Message);
        Assert.Contains("'image'", error.Message);
    }

    [Fact]
    public void A_text_model_cannot_classify_images()
    {
        var request = _api.Request("image_classification", OnnxModelBuilder.TextClassifier(Words, 3)) with { ImageBytes = TestImages.Solid(TestImages.Red) };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains("not an image tensor", error.Message);
    }
}
