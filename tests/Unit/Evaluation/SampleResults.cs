using SeeMe.Core.Evaluation;
using SeeMe.TestModels;

namespace SeeMe.Tests.Evaluation;

/// <summary>Evaluations with awkward names, pictures, gates and a baseline, for the report writers' tests.</summary>
internal static class SampleResults
{
    public const string HostileLabel = "<script>alert('x')</script> & \"cat\" | pipe";

    public static EvaluationContext Context(string applicationType) => new()
    {
        ModelId = "m-1", ModelName = "Colours <v2> & co", ModelVersionId = "mv-2", ModelVersionName = "v2",
        DatasetId = "d-1", DatasetName = "Sample | colours", DatasetVersionId = "dv-1", DatasetVersionName = "1",
        Splits = ["test", "valid"], ApplicationType = applicationType, ItemsSkipped = 1,
    };

    /// <summary>red 3 (1 wrong), green 2, the hostile label 1 (wrong): accuracy 4/6.</summary>
    public static EvaluationResult Classification(bool withGates = true)
    {
        string[] labels = ["red", "green", HostileLabel];
        var pairs = new (string True, string Predicted)[] { ("red", "red"), ("red", "green"), ("green", "green"), ("green", "green"), (HostileLabel, "red"), ("red", "red") };
        var outcomes = pairs.Select((pair, i) => new ClassificationOutcome
        {
            ItemId = "item-" + i, Name = i == 4 ? "<b>bold</b>.png" : "picture-" + i + ".png", TrueLabel = pair.True, PredictedLabel = pair.Predicted,
            Confidence = 0.6 + i * 0.05, Input = "picture-" + i + ".png",
            Image = pair.True == "red" ? TestPng.Solid(220, 30, 30, 24, 16) : TestPng.Solid(30, 200, 60, 24, 16), ImageContentType = "image/png",
        });
        var result = ModelEvaluation.Classification(labels, outcomes.ToList(), Context("image_classification"));
        var baseline = ModelEvaluation.Classification(labels, pairs.Select(p => new ClassificationOutcome { TrueLabel = p.True, PredictedLabel = p.True }).ToList(), new EvaluationContext { ModelVersionId = "mv-1", ModelVersionName = "v1" });
        if (withGates) new EvaluationGates { MinimumAccuracy = 0.9, MinimumF1 = 0.1, MaximumRegression = 0.05 }.Apply(result, baseline);
        return result;
    }

    public static EvaluationResult Detection()
    {
        var image = TestPng.Encode(64, 48, (x, y) => ((byte)(x * 4), (byte)(y * 5), 120));
        DetectionOutcome Outcome(int i, DetectionBox[] truths, DetectionBox[] predictions) => new()
        {
            ItemId = "box-" + i, Name = "scene-" + i + ".png", TrueBoxes = truths, PredictedBoxes = predictions, Image = image, ImageContentType = "image/png",
        };
        var outcomes = new[]
        {
            Outcome(0, [new("cat", 0.1, 0.1, 0.4, 0.5)], [new("cat", 0.12, 0.1, 0.4, 0.5, 0.91)]),
            Outcome(1, [new("cat", 0.5, 0.2, 0.3, 0.3), new("dog", 0.1, 0.5, 0.3, 0.4)], [new("dog", 0.5, 0.2, 0.3, 0.3, 0.8), new("dog", 0.1, 0.5, 0.3, 0.4, 0.3)]),
            Outcome(2, [], [new("cat", 0.6, 0.6, 0.2, 0.2, 0.7)]),
        };
        var result = ModelEvaluation.Detection(["cat", "dog"], outcomes, 0.5, Context("object_detection"));
        new EvaluationGates { MinimumMeanAveragePrecision = 0.3 }.Apply(result);
        return result;
    }
}
