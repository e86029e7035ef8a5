using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>The gates' verdicts: which failed, whether by threshold or regression, and the numbers named.</summary>
public sealed class EvaluationGatesTests
{
    // accuracy 3/4 = 0.75; macro F1: a P 1, R 2/3, F1 0.8; b P 1/2, R 1, F1 2/3 → (0.8 + 2/3)/2 = 11/15
    private static EvaluationResult Candidate() =>
        ClassificationMetricsTests.Evaluate(["a", "b"], ("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"));

    // accuracy 4/4 = 1
    private static EvaluationResult Baseline() =>
        ClassificationMetricsTests.Evaluate(["a", "b"], ("a", "a"), ("a", "a"), ("a", "a"), ("b", "b"));

    [Fact]
    public void No_gates_pass()
    {
        var result = Candidate();
        new EvaluationGates().Apply(result);
        Assert.Empty(result.Gates);
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_threshold_gate_names_the_metric_its_value_and_the_limit()
    {
        var result = Candidate();
        new EvaluationGates { MinimumAccuracy = 0.8, MinimumF1 = 0.7 }.Apply(result);

        Assert.False(result.Passed);
        var failed = Assert.Single(result.FailedGates);
        Assert.Equal(("minimum_accuracy", "accuracy", GateKind.Threshold, "EvaluationBelowThreshold"), (failed.Name, failed.Metric, failed.Kind, failed.ErrorId));
        Assert.Equal((0.75, 0.8), (failed.Value!.Value, failed.Limit));
        Assert.Equal("accuracy 0.75 is below the minimum 0.8", failed.Message);
        Assert.True(result.Gates[1].Passed);                       // macro F1 11/15 = 0.7333 ≥ 0.7
        Assert.Equal(11.0 / 15, result.Gates[1].Value!.Value, 1e-12);
    }

    [Fact]
    public void A_value_equal_to_the_minimum_passes()
    {
        var result = Candidate();
        new EvaluationGates { MinimumAccuracy = 0.75 }.Apply(result);
        Assert.True(result.Passed);
    }

    [Fact]
    public void The_regression_gate_reads_the_drop_of_the_headline_against_the_baseline()
    {
        var result = Candidate();
        new EvaluationGates { MaximumRegression = 0.2 }.Apply(result, Baseline());

        // drop = baseline − candidate = 1 − 0.75 = 0.25 > 0.2
        var gate = Assert.Single(result.Gates);
        Assert.Equal(("maximum_regression", "accuracy", GateKind.Regression, "EvaluationRegressed", false), (gate.Name, gate.Metric, gate.Kind, gate.ErrorId, gate.Passed));
        Assert.Equal((0.25, 0.2), (gate.Value!.Value, gate.Limit));
        Assert.Contains("from the baseline's 1 to 0.75", gate.Message);
        Assert.Equal(-0.25, result.Baseline!.HeadlineDelta!.Value, 1e-12);      // candidate − baseline
        Assert.Equal(-0.25, result.Baseline.AccuracyDelta!.Value, 1e-12);
        Assert.Equal(1, result.Baseline.HeadlineValue);
        // macro F1 11/15 against 1
        Assert.Equal(11.0 / 15 - 1, result.Baseline.MacroF1Delta, 1e-12);
    }

    [Fact]
    public void A_drop_equal_to_the_allowed_one_passes_despite_rounding()
    {
        // 0.9 − 0.85 is 0.05000000000000004 in doubles
        var candidate = new EvaluationResult { Accuracy = 0.85 };
        var baseline = new EvaluationResult { Accuracy = 0.9 };
        new EvaluationGates { MaximumRegression = 0.05 }.Apply(candidate, baseline);
        Assert.True(candidate.Passed);
        Assert.Equal("accuracy went from the baseline's 0.9 to 0.85: a drop of 0.05, within the allowed 0.05", candidate.Gates[0].Message);

        new EvaluationGates { MaximumRegression = 0.0499 }.Apply(candidate, baseline);
        Assert.False(candidate.Passed);
    }

    [Fact]
    public void An_improvement_passes_the_regression_gate()
    {
        var result = Baseline();
        new EvaluationGates { MaximumRegression = 0 }.Apply(result, Candidate());
        Assert.True(result.Passed);
        Assert.Equal(-0.25, result.Gates[0].Value!.Value, 1e-12);
        Assert.Equal("accuracy went from the baseline's 0.75 to 1: up by 0.25", result.Gates[0].Message);
    }

    [Fact]
    public void A_metric_that_could_not_be_computed_fails_its_gate()
    {
        var empty = ClassificationMetricsTests.Evaluate(["a"]);
        new EvaluationGates { MinimumAccuracy = 0.5 }.Apply(empty);

        var gate = Assert.Single(empty.Gates);
        Assert.False(gate.Passed);
        Assert.Null(gate.Value);
        Assert.Contains("0 items evaluated", gate.Message);
    }

    [Fact]
    public void Detection_gates_read_mAP50()
    {
        var result = DetectionMetricsTests.Evaluate(["cat"], DetectionMetricsTests.Image([DetectionMetricsTests.Box("cat", 0, 0, 10, 10)], []));
        new EvaluationGates { MinimumMeanAveragePrecision = 0.5 }.Apply(result);
        Assert.Equal(("minimum_map50", "map50", 0.0), (result.Gates[0].Name, result.Gates[0].Metric, result.Gates[0].Value!.Value));
        Assert.False(result.Passed);
    }

    [Fact]
    public void Misused_gates_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new EvaluationGates { MaximumRegression = 0.1 }.Apply(Candidate()));
        Assert.Throws<ArgumentException>(() => new EvaluationGates { MinimumAccuracy = 0.1 }.EnsureApplicableTo("object_detection"));
        Assert.Throws<ArgumentException>(() => new EvaluationGates { MinimumMeanAveragePrecision = 0.1 }.EnsureApplicableTo("text_classification"));
        new EvaluationGates { MinimumF1 = 0.1 }.EnsureApplicableTo("object_detection");
    }

    [Fact]
    public void A_message_shows_every_digit_only_when_four_decimals_would_hide_the_difference()
    {
        var result = new EvaluationResult { Accuracy = 0.89999 };
        new EvaluationGates { MinimumAccuracy = 0.9 }.Apply(result);
        Assert.Equal("accuracy 0.89999 is below the minimum 0.9", result.Gates[0].Message);
    }
}
