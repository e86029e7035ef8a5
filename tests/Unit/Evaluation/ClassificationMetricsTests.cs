using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>
/// Classification numbers against values worked out by hand (the arithmetic is in the comments), as
/// scikit-learn's classification_report / confusion_matrix give them with labels= and zero_division=0.
/// </summary>
public sealed class ClassificationMetricsTests
{
    private const double Tolerance = 1e-12;

    internal static EvaluationResult Evaluate(string[] labels, params (string? True, string? Predicted)[] pairs) =>
        ModelEvaluation.Classification(labels, pairs.Select((pair, i) => new ClassificationOutcome
        {
            ItemId = "id" + i,
            Name = "item" + i,
            TrueLabel = pair.True,
            PredictedLabel = pair.Predicted,
            Confidence = 0.5 + i / 100.0,
        }), new EvaluationContext { ApplicationType = "image_classification" });

    [Fact]
    public void Three_labels_one_never_predicted()
    {
        var result = Evaluate(["cat", "dog", "bird"],
            ("cat", "cat"), ("cat", "dog"), ("dog", "dog"), ("dog", "dog"), ("bird", "cat"), ("cat", "cat"));

        // correct: items 0, 2, 3, 5 → 4 of 6
        Assert.Equal(4.0 / 6, result.Accuracy!.Value, Tolerance);
        // cat: tp 2 (items 0, 5), predicted 3 (0, 4, 5), support 3 → P 2/3, R 2/3, F1 2·2/(3+3) = 2/3
        AssertLabel(result.Labels[0], "cat", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
        // dog: tp 2 (2, 3), predicted 3 (1, 2, 3), support 2 → P 2/3, R 1, F1 2·2/(2+3) = 0.8
        AssertLabel(result.Labels[1], "dog", 2.0 / 3, 1, 0.8, 2);
        // bird: never predicted → P 0/0 = 0, R 0/1 = 0, F1 0
        AssertLabel(result.Labels[2], "bird", 0, 0, 0, 1);
        // macro: P (2/3 + 2/3 + 0)/3 = 4/9, R (2/3 + 1 + 0)/3 = 5/9, F1 (2/3 + 0.8 + 0)/3 = 22/45
        AssertAverage(result.Macro, 4.0 / 9, 5.0 / 9, 22.0 / 45);
        // weighted by support 3, 2, 1: P (3·2/3 + 2·2/3)/6 = 5/9, R (3·2/3 + 2·1)/6 = 2/3, F1 (3·2/3 + 2·0.8)/6 = 0.6
        AssertAverage(result.Weighted, 5.0 / 9, 2.0 / 3, 0.6);
        // rows true, columns predicted
        Assert.Equal([[2, 1, 0], [0, 2, 0], [1, 0, 0]], result.ConfusionMatrix.Counts);
        Assert.Equal(["cat", "dog", "bird"], result.ConfusionMatrix.Labels);
        Assert.Equal(6, result.ItemsEvaluated);
        Assert.Equal(new[] { true, false, true, true, false, true }, result.Items.Select(i => i.Correct));
        Assert.Equal(EvaluationMetrics.Accuracy, result.HeadlineMetric);
        Assert.Null(result.Map50);
    }

    [Fact]
    public void Scikit_learns_documented_examples()
    {
        // sklearn's classification_report docstring: y_true [0, 1, 2, 2, 2], y_pred [0, 0, 2, 2, 1] prints
        // precision .50 .00 1.00, recall 1.00 .00 .67, f1 .67 .00 .80, accuracy .60,
        // macro .50 .56 .49, weighted .70 .60 .61. Exactly: class 2 F1 = 2·2/(3+2) = 0.8,
        // macro R = (1 + 0 + 2/3)/3 = 5/9, macro F1 = (2/3 + 0 + 0.8)/3 = 22/45,
        // weighted P = (1·0.5 + 1·0 + 3·1)/5 = 0.7, weighted F1 = (2/3 + 0 + 3·0.8)/5 = 46/75.
        var report = Evaluate(["0", "1", "2"], ("0", "0"), ("1", "0"), ("2", "2"), ("2", "2"), ("2", "1"));
        Assert.Equal(0.6, report.Accuracy!.Value, Tolerance);
        AssertLabel(report.Labels[0], "0", 0.5, 1, 2.0 / 3, 1);
        AssertLabel(report.Labels[2], "2", 1, 2.0 / 3, 0.8, 3);
        AssertAverage(report.Macro, 0.5, 5.0 / 9, 22.0 / 45);
        AssertAverage(report.Weighted, 0.7, 0.6, 46.0 / 75);

        // confusion_matrix docstring: labels ["ant", "bird", "cat"] → [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
        var matrix = Evaluate(["ant", "bird", "cat"],
            ("cat", "ant"), ("ant", "ant"), ("cat", "cat"), ("cat", "cat"), ("ant", "ant"), ("bird", "cat"));
        Assert.Equal([[2, 0, 0], [0, 0, 1], [1, 0, 2]], matrix.ConfusionMatrix.Counts);
    }

    [Fact]
    public void A_label_never_present_counts_in_the_macro_mean_and_weighs_nothing()
    {
        var result = Evaluate(["a", "b", "c"], ("a", "a"), ("a", "b"), ("b", "b"));

        // a: P 1/1, R 1/2, F1 2/(2+1) = 2/3; b: P 1/2, R 1, F1 2/(1+2) = 2/3; c: all 0, support 0
        AssertLabel(result.Labels[2], "c", 0, 0, 0, 0);
        // macro: P (1 + 1/2 + 0)/3 = 1/2, R (1/2 + 1 + 0)/3 = 1/2, F1 (2/3 + 2/3)/3 = 4/9
        AssertAverage(result.Macro, 0.5, 0.5, 4.0 / 9);
        // weighted by 2, 1, 0: P (2·1 + 1/2)/3 = 5/6, R (2·1/2 + 1)/3 = 2/3, F1 (2·2/3 + 2/3)/3 = 2/3
        AssertAverage(result.Weighted, 5.0 / 6, 2.0 / 3, 2.0 / 3);
    }

    [Fact]
    public void One_item()
    {
        var result = Evaluate(["yes", "no"], ("yes", "yes"));

        Assert.Equal(1, result.Accuracy);
        AssertLabel(result.Labels[0], "yes", 1, 1, 1, 1);
        AssertLabel(result.Labels[1], "no", 0, 0, 0, 0);
        AssertAverage(result.Macro, 0.5, 0.5, 0.5);     // (1 + 0)/2
        AssertAverage(result.Weighted, 1, 1, 1);        // weights 1 and 0
    }

    [Fact]
    public void An_empty_split_has_no_accuracy_and_zero_averages()
    {
        var result = Evaluate(["a", "b"]);

        Assert.Null(result.Accuracy);
        Assert.Null(result.HeadlineValue);
        Assert.Equal(0, result.ItemsEvaluated);
        AssertAverage(result.Macro, 0, 0, 0);
        AssertAverage(result.Weighted, 0, 0, 0);        // every support 0: sklearn's plain mean of zeros
        Assert.Equal([[0, 0], [0, 0]], result.ConfusionMatrix.Counts);
    }

    [Fact]
    public void All_wrong()
    {
        var result = Evaluate(["a", "b"], ("a", "b"), ("b", "a"), ("b", "a"));

        Assert.Equal(0, result.Accuracy);
        Assert.All(result.Labels, label => Assert.Equal((0.0, 0.0, 0.0), (label.Precision, label.Recall, label.F1)));
        Assert.Equal([[0, 1], [2, 0]], result.ConfusionMatrix.Counts);
        Assert.DoesNotContain(result.Items, item => item.Correct);
    }

    [Fact]
    public void Unlabelled_items_are_skipped_and_counted_beside_the_orchestrations()
    {
        var outcomes = new[]
        {
            new ClassificationOutcome { ItemId = "1", TrueLabel = "a", PredictedLabel = "a" },
            new ClassificationOutcome { ItemId = "2", TrueLabel = null, PredictedLabel = "a" },
            new ClassificationOutcome { ItemId = "3", TrueLabel = "", PredictedLabel = "b" },
        };
        var result = ModelEvaluation.Classification(["a", "b"], outcomes, new EvaluationContext { ItemsSkipped = 4 });

        Assert.Equal(1, result.ItemsEvaluated);
        Assert.Equal(6, result.ItemsSkipped);
        Assert.Equal(["1"], result.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Labels_outside_the_list_follow_scikit_learn()
    {
        // pairs (a, zebra), (a, null), (a, a), (yak, b), (b, b)
        var result = Evaluate(["a", "b"], ("a", "zebra"), ("a", null), ("a", "a"), ("yak", "b"), ("b", "b"));

        // accuracy over every pair: items 2 and 4 → 2/5
        Assert.Equal(0.4, result.Accuracy!.Value, Tolerance);
        // a: tp 1, predicted 1, support 3 (the unlisted predictions stay wrong) → P 1, R 1/3, F1 2/(3+1) = 0.5
        AssertLabel(result.Labels[0], "a", 1, 1.0 / 3, 0.5, 3);
        // b: tp 1, predicted 2 (also the 'yak' item's), support 1 → P 1/2, R 1, F1 2/(1+2) = 2/3
        AssertLabel(result.Labels[1], "b", 0.5, 1, 2.0 / 3, 1);
        // sklearn's confusion_matrix(labels=["a","b"]) drops every pair with a label outside: [[1, 0], [0, 1]]
        Assert.Equal([[1, 0], [0, 1]], result.ConfusionMatrix.Counts);
        Assert.Equal([2, 0], result.ConfusionMatrix.UnlistedPredictions);
    }

    [Fact]
    public void Labels_are_compared_by_exact_name_and_must_be_unique()
    {
        var result = Evaluate(["Cat", "cat"], ("Cat", "cat"));
        Assert.Equal(0, result.Accuracy);

        Assert.Throws<ArgumentException>(() => Evaluate(["a", "a"]));
        Assert.Throws<ArgumentException>(() => Evaluate(["a", ""]));
    }

    internal static void AssertLabel(LabelMetrics label, string name, double precision, double recall, double f1, int support)
    {
        Assert.Equal(name, label.Label);
        Assert.Equal(precision, label.Precision, Tolerance);
        Assert.Equal(recall, label.Recall, Tolerance);
        Assert.Equal(f1, label.F1, Tolerance);
        Assert.Equal(support, label.Support);
    }

    internal static void AssertAverage(AverageMetrics average, double precision, double recall, double f1)
    {
        Assert.Equal(precision, average.Precision, Tolerance);
        Assert.Equal(recall, average.Recall, Tolerance);
        Assert.Equal(f1, average.F1, Tolerance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Seeded_random_pairs_match_the_scikit_learn_transliteration(int seed)
    {
        var random = new Random(seed);
        string[] labels = ["b", "a", "d", "c"];                       // not sorted: the given order is kept
        var count = 1 + random.Next(60);
        // mostly a, b, c; 'd' rare (often never drawn); 'zebra' outside the list
        string Draw() => random.Next(10) == 0 ? "zebra" : random.Next(12) == 0 ? "d" : new[] { "a", "b", "c" }[random.Next(3)];
        var yTrue = Enumerable.Range(0, count).Select(_ => Draw()).ToArray();
        var yPred = Enumerable.Range(0, count).Select(_ => Draw()).ToArray();

        var result = Evaluate(labels, yTrue.Zip(yPred, (t, p) => ((string?)t, (string?)p)).ToArray());
        var (p, r, f, support, macro, weighted) = SklearnReference.PrecisionRecallFscoreSupport(yTrue, yPred, labels);
        var matrix = SklearnReference.ConfusionMatrix(yTrue, yPred, labels);

        Assert.Equal(SklearnReference.AccuracyScore(yTrue, yPred), result.Accuracy!.Value, 1e-12);
        for (var i = 0; i < labels.Length; i++)
        {
            AssertLabel(result.Labels[i], labels[i], p[i], r[i], f[i], support[i]);
            for (var j = 0; j < labels.Length; j++) Assert.Equal(matrix[i, j], result.ConfusionMatrix.Counts[i][j]);
        }
        AssertAverage(result.Macro, macro[0], macro[1], macro[2]);
        AssertAverage(result.Weighted, weighted[0], weighted[1], weighted[2]);
    }
}
