using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>
/// The evaluation's AP against <see cref="CocoEvalReference"/>, the transliteration of pycocotools, on crafted
/// scenes and on seeded random ones (ties, near-misses, crowded images past 100 detections, boxes outside COCO's
/// area range, labels absent on either side).
/// </summary>
public sealed class CocoReferenceTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void The_reference_reproduces_numpys_parameters()
    {
        var reference = new CocoEvalReference([], [], [], []);
        Assert.Equal(10, reference.iouThrs.Length);
        Assert.Equal(0.95, reference.iouThrs[^1]);
        Assert.Equal(101, reference.recThrs.Length);
        Assert.Equal(0.5, reference.recThrs[50]);
        Assert.Equal([3, 1, 0, 2], CocoEvalReference.ArgsortMergesort([2, 1, 2, 0]));   // stable: the first 2 before the second
    }

    [Fact]
    public void Crafted_scene_matches_the_reference()
    {
        var labels = new[] { "cat", "dog" };
        var images = new[]
        {
            DetectionMetricsTests.Image(
                [DetectionMetricsTests.Box("cat", 0, 0, 10, 10), DetectionMetricsTests.Box("cat", 20, 20, 10, 10), DetectionMetricsTests.Box("dog", 50, 50, 10, 10)],
                [DetectionMetricsTests.Box("cat", 0, 0, 10, 10, 0.9), DetectionMetricsTests.Box("cat", 21, 21, 10, 10, 0.4),
                 DetectionMetricsTests.Box("dog", 0, 0, 10, 10, 0.8), DetectionMetricsTests.Box("dog", 50, 50, 10, 10, 0.6)]),
        };
        AssertMatchesReference(labels, images);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Seeded_random_scenes_match_the_reference(int seed)
    {
        var random = new Random(seed);
        var labels = new[] { "a", "b", "c", "d" };
        var images = Enumerable.Range(0, 1 + random.Next(12)).Select(i => RandomScene(random, labels, i)).ToArray();
        AssertMatchesReference(labels, images);
    }

    [Fact]
    public void A_crowded_image_past_100_detections_matches_the_reference()
    {
        var random = new Random(42);
        var labels = new[] { "a", "b" };
        var images = new[] { RandomScene(random, labels, 0, detections: 260), RandomScene(random, labels, 1, detections: 30) };
        AssertMatchesReference(labels, images);
    }

    private static DetectionOutcome RandomScene(Random random, string[] labels, int index, int? detections = null)
    {
        var truths = Enumerable.Range(0, random.Next(7)).Select(_ => RandomBox(random, labels, 1)).ToList();
        if (random.Next(10) == 0) truths.Add(new DetectionBox("a", 0, 0, 2e5, 1e5));   // area 2e10: outside COCO's range, ignored
        var predictions = new List<DetectionBox>();
        foreach (var truth in truths)
            if (random.Next(4) > 0) predictions.Add(Jitter(random, truth, random.Next(3) == 0 ? labels[random.Next(labels.Length)] : truth.Label));
        var extra = detections ?? random.Next(6);
        for (var i = 0; i < extra; i++)
            predictions.Add(random.Next(3) == 0 && truths.Count > 0 ? Jitter(random, truths[random.Next(truths.Count)], labels[random.Next(labels.Length)]) : RandomBox(random, labels, Score(random)));
        if (random.Next(5) == 0) predictions.Add(new DetectionBox("unlisted", 1, 1, 5, 5, 0.7));
        return new DetectionOutcome { ItemId = "i" + index, Name = "image" + index, TrueBoxes = truths, PredictedBoxes = predictions.OrderBy(_ => random.Next()).ToList() };
    }

    private static DetectionBox RandomBox(Random random, string[] labels, double score) =>
        new(labels[random.Next(labels.Length)], random.Next(0, 200), random.Next(0, 200), 4 + random.Next(60), 4 + random.Next(60), score);

    private static DetectionBox Jitter(Random random, DetectionBox truth, string label) =>
        new(label, truth.X + random.Next(-8, 9) * 0.5, truth.Y + random.Next(-8, 9) * 0.5, Math.Max(1, truth.Width + random.Next(-6, 7)), Math.Max(1, truth.Height + random.Next(-6, 7)), Score(random));

    /// <summary>Scores on a coarse grid half the time, so ties are common.</summary>
    private static double Score(Random random) => random.Next(2) == 0 ? random.Next(1, 10) / 10.0 : random.NextDouble();

    private static void AssertMatchesReference(string[] labels, DetectionOutcome[] images)
    {
        var result = ModelEvaluation.Detection(labels, images, 0.5, new EvaluationContext());
        var reference = Reference(labels, images);

        for (var k = 0; k < labels.Length; k++)
        {
            AssertSame(reference.Mean(0, k), result.Labels[k].Ap50, $"AP50 of {labels[k]}");
            AssertSame(reference.Mean(null, k), result.Labels[k].Ap, $"AP of {labels[k]}");
        }
        AssertSame(reference.Mean(0, null), result.Map50, "mAP50");
        AssertSame(reference.Mean(null, null), result.Map, "mAP");
    }

    private static void AssertSame(double reference, double? actual, string what)
    {
        if (reference == -1) { Assert.True(actual == null, $"{what}: expected none (COCO's -1), got {actual}"); return; }
        Assert.True(actual.HasValue, $"{what}: expected {reference}, got none");
        Assert.True(Math.Abs(reference - actual!.Value) <= Tolerance, $"{what}: expected {reference:R}, got {actual.Value:R}");
    }

    /// <summary>A COCO ground truth and loadRes'd results: image ids 1.., category ids 1.., annotation ids 1.., area w·h.</summary>
    private static CocoEvalReference Reference(string[] labels, DetectionOutcome[] images)
    {
        var gts = new List<CocoEvalReference.Ann>();
        var dts = new List<CocoEvalReference.Ann>();
        for (var i = 0; i < images.Length; i++)
        {
            foreach (var box in images[i].TrueBoxes) gts.Add(Ann(gts.Count + 1, i + 1, labels, box, 1));
            foreach (var box in images[i].PredictedBoxes) dts.Add(Ann(dts.Count + 1, i + 1, labels, box, box.Score));
        }
        var reference = new CocoEvalReference(gts, dts, Enumerable.Range(1, images.Length).ToArray(), Enumerable.Range(1, labels.Length).ToArray());
        reference.evaluate();
        reference.accumulate();
        return reference;
    }

    private static CocoEvalReference.Ann Ann(int id, int imageId, string[] labels, DetectionBox box, double score) => new()
    {
        id = id,
        image_id = imageId,
        category_id = Array.IndexOf(labels, box.Label) + 1,   // 0 for an unlisted label: not among catIds
        bbox = [box.X, box.Y, box.Width, box.Height],
        area = box.Width * box.Height,
        score = score,
    };
}
