using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>
/// Detection numbers on crafted boxes, worked out by hand following COCOeval's steps (the arithmetic is in the
/// comments; ε = np.spacing(1) in precision's denominator makes a perfect precision 1/(1+ε), within 1e-15 of 1).
/// </summary>
public sealed class DetectionMetricsTests
{
    private const double Tolerance = 1e-12;

    internal static DetectionBox Box(string label, double x, double y, double w, double h, double score = 1) => new(label, x, y, w, h, score);

    internal static DetectionOutcome Image(DetectionBox[] truths, DetectionBox[] predictions, string name = "image") =>
        new() { ItemId = name, Name = name, TrueBoxes = truths, PredictedBoxes = predictions };

    internal static EvaluationResult Evaluate(string[] labels, params DetectionOutcome[] images) =>
        ModelEvaluation.Detection(labels, images, ModelEvaluation.DefaultConfidenceThreshold, new EvaluationContext { ApplicationType = "object_detection" });

    [Fact]
    public void A_perfect_detection_has_AP_1()
    {
        var result = Evaluate(["cat"], Image([Box("cat", 0, 0, 10, 10)], [Box("cat", 0, 0, 10, 10, 0.9)]));

        Assert.Equal(1, result.Labels[0].Ap50!.Value, Tolerance);
        Assert.Equal(1, result.Labels[0].Ap!.Value, Tolerance);
        Assert.Equal(1, result.Map50!.Value, Tolerance);
        Assert.Equal(EvaluationMetrics.Map50, result.HeadlineMetric);
        Assert.Null(result.Accuracy);
        Assert.True(result.Items[0].Correct);
    }

    [Fact]
    public void A_false_positive_between_two_hits()
    {
        // scores .9 (hit), .8 (miss), .7 (hit), 2 true boxes: tp 1,1,2; fp 0,1,1 → recall .5,.5,1, precision 1, .5, 2/3;
        // made monotone from the right: 1, 2/3, 2/3. Recall points 0.00..0.50 (51) find index 0 → 1;
        // 0.51..1.00 (50) find index 2 → 2/3. AP = (51 + 50·2/3)/101 = 253/303 at every IoU (the hits are exact).
        var result = Evaluate(["cat"], Image(
            [Box("cat", 0, 0, 10, 10), Box("cat", 50, 50, 10, 10)],
            [Box("cat", 0, 0, 10, 10, 0.9), Box("cat", 100, 100, 10, 10, 0.8), Box("cat", 50, 50, 10, 10, 0.7)]));

        Assert.Equal(253.0 / 303, result.Labels[0].Ap50!.Value, Tolerance);
        Assert.Equal(253.0 / 303, result.Labels[0].Ap!.Value, Tolerance);
    }

    [Theory]
    [InlineData(true, 0.5)]   // the miss comes first: tp 0,1; fp 1,1 → precision 0, .5 → monotone .5, .5 → AP .5
    [InlineData(false, 1.0)]  // the hit comes first: recall 1, 1 → every point finds index 0, precision 1 → AP 1
    public void Equal_scores_keep_their_given_order(bool missFirst, double expected)
    {
        var hit = Box("cat", 0, 0, 10, 10, 0.8);
        var miss = Box("cat", 40, 40, 10, 10, 0.8);
        var result = Evaluate(["cat"], Image([Box("cat", 0, 0, 10, 10)], missFirst ? [miss, hit] : [hit, miss]));

        Assert.Equal(expected, result.Labels[0].Ap50!.Value, Tolerance);
    }

    [Theory]
    [InlineData(true, 0.5)]
    [InlineData(false, 1.0)]
    public void Equal_scores_across_images_break_by_image_order(bool missImageFirst, double expected)
    {
        // as above, with the miss and the hit on two images: the concatenation follows the image ids
        var missImage = Image([], [Box("cat", 0, 0, 10, 10, 0.8)], "miss");
        var hitImage = Image([Box("cat", 0, 0, 10, 10)], [Box("cat", 0, 0, 10, 10, 0.8)], "hit");
        var result = Evaluate(["cat"], missImageFirst ? [missImage, hitImage] : [hitImage, missImage]);

        Assert.Equal(expected, result.Labels[0].Ap50!.Value, Tolerance);
    }

    [Fact]
    public void A_partial_overlap_counts_at_the_lower_IoU_thresholds_only()
    {
        // IoU = 62/100 = 0.62: matched at 0.50, 0.55, 0.60, not from 0.65 → AP50 1, AP = 3 of 10 thresholds = 0.3
        var result = Evaluate(["cat"], Image([Box("cat", 0, 0, 10, 10)], [Box("cat", 0, 0, 10, 6.2, 0.9)]));

        Assert.Equal(1, result.Labels[0].Ap50!.Value, Tolerance);
        Assert.Equal(0.3, result.Labels[0].Ap!.Value, Tolerance);
    }

    [Fact]
    public void Only_the_100_best_detections_per_image_and_label_count()
    {
        // 100 misses at .9 push the hit at .5 out: no true positive → AP 0. With 99 misses the hit is the 100th:
        // tp reaches 1 at detection 100, precision 1/100, recall 1 → AP = 0.01 at every recall point.
        DetectionBox[] Detections(int misses) =>
            Enumerable.Range(0, misses).Select(i => Box("cat", 100 + i * 20, 0, 10, 10, 0.9)).Append(Box("cat", 0, 0, 10, 10, 0.5)).ToArray();
        var truth = new[] { Box("cat", 0, 0, 10, 10) };

        Assert.Equal(0, Evaluate(["cat"], Image(truth, Detections(100))).Labels[0].Ap50!.Value, Tolerance);
        Assert.Equal(0.01, Evaluate(["cat"], Image(truth, Detections(99))).Labels[0].Ap50!.Value, Tolerance);
    }

    [Fact]
    public void A_label_never_present_has_no_AP_and_stays_out_of_the_mean()
    {
        var result = Evaluate(["cat", "dog", "bird"], Image(
            [Box("cat", 0, 0, 10, 10), Box("bird", 30, 30, 10, 10)],
            [Box("cat", 0, 0, 10, 10, 0.9), Box("dog", 60, 60, 10, 10, 0.9)]));

        Assert.Null(result.Labels[1].Ap50);     // dog: predicted, never present (COCO's -1)
        Assert.Equal(0, result.Labels[2].Ap50!.Value);   // bird: present, never predicted
        Assert.Equal(0.5, result.Map50!.Value, Tolerance);  // (1 + 0) / 2
    }

    [Fact]
    public void An_empty_split_has_no_mAP()
    {
        var result = Evaluate(["cat"]);

        Assert.Null(result.Map50);
        Assert.Null(result.Map);
        Assert.Null(result.HeadlineValue);
        Assert.Equal(0, result.ItemsEvaluated);
        Assert.Equal([[0, 0], [0, 0]], result.ConfusionMatrix.Counts);
    }

    [Fact]
    public void Precision_recall_confusion_and_AP_of_a_crafted_scene()
    {
        var result = Evaluate(["cat", "dog"], Image(
            [Box("cat", 0, 0, 10, 10), Box("cat", 20, 20, 10, 10), Box("dog", 50, 50, 10, 10)],
            [
                Box("cat", 0, 0, 10, 10, 0.9),      // hits cat 1
                Box("cat", 21, 21, 10, 10, 0.4),    // IoU 81/119 = 0.68 with cat 2, but under the 0.5 threshold
                Box("dog", 0, 0, 10, 10, 0.8),      // a dog where the cat is: false positive
                Box("dog", 50, 50, 10, 10, 0.6),    // hits the dog
            ]));

        // at threshold .5 — cat: tp 1, predicted 1, support 2 → P 1, R .5, F1 2/(2+1); dog: tp 1, predicted 2, support 1
        ClassificationMetricsTests.AssertLabel(result.Labels[0], "cat", 1, 0.5, 2.0 / 3, 2);
        ClassificationMetricsTests.AssertLabel(result.Labels[1], "dog", 0.5, 1, 2.0 / 3, 1);
        // macro (1 + .5)/2, (.5 + 1)/2, 2/3; weighted by 2, 1: (2 + .5)/3 = 5/6, (1 + 1)/3 = 2/3, 2/3
        ClassificationMetricsTests.AssertAverage(result.Macro, 0.75, 0.75, 2.0 / 3);
        ClassificationMetricsTests.AssertAverage(result.Weighted, 5.0 / 6, 2.0 / 3, 2.0 / 3);

        // class-agnostic pairs by IoU: (cat .9, cat 1) = 1 taken; (dog .8, cat 1) = 1, cat 1 is used; (dog .6, dog) = 1 taken.
        // Left over: cat 2 → [cat, background]; dog .8 → [background, dog].
        Assert.Equal(["cat", "dog", ConfusionMatrix.BackgroundLabel], result.ConfusionMatrix.Labels);
        Assert.Equal([[1, 0, 1], [0, 1, 0], [0, 1, 0]], result.ConfusionMatrix.Counts);

        // AP, all scores — cat: .9 hit, .4 hit at IoU ≤ 0.65 (4 thresholds) → recall .5, 1, precision 1, 1 → AP 1;
        // at 0.70..0.95 (6) the .4 misses → precision 1, .5, recall .5, .5: points ≤ .5 (51) → 1, the rest → 0 → 51/101.
        // cat AP = (4 + 6·51/101)/10 = 71/101. dog: .8 miss, .6 hit → precision 0, .5 → monotone .5, .5 → AP .5.
        Assert.Equal(1, result.Labels[0].Ap50!.Value, Tolerance);
        Assert.Equal(71.0 / 101, result.Labels[0].Ap!.Value, Tolerance);
        Assert.Equal(0.5, result.Labels[1].Ap!.Value, Tolerance);
        Assert.Equal(0.75, result.Map50!.Value, Tolerance);               // (1 + .5)/2
        Assert.Equal(243.0 / 404, result.Map!.Value, Tolerance);          // (71/101 + 1/2)/2

        var item = result.Items[0];
        Assert.Equal(("cat, dog", "cat, dog", 0.9), (item.True, item.Predicted, item.Confidence!.Value));
        Assert.Equal((2, 1, 1, false), (item.TruePositives!.Value, item.FalsePositives!.Value, item.FalseNegatives!.Value, item.Correct));
    }

    [Fact]
    public void An_image_without_boxes_adds_only_false_positives()
    {
        var result = Evaluate(["cat"],
            Image([Box("cat", 0, 0, 10, 10)], [Box("cat", 0, 0, 10, 10, 0.9)], "a"),
            Image([], [Box("cat", 0, 0, 10, 10, 0.95)], "b"));

        // .95 miss then .9 hit → precision 0, .5 → AP .5; at the threshold: tp 1, predicted 2, support 1
        Assert.Equal(0.5, result.Labels[0].Ap50!.Value, Tolerance);
        ClassificationMetricsTests.AssertLabel(result.Labels[0], "cat", 0.5, 1, 2.0 / 3, 1);
        Assert.Equal([true, false], result.Items.Select(i => i.Correct));
        Assert.Equal(1, result.Items[1].FalsePositives);
    }

    [Fact]
    public void Boxes_of_labels_outside_the_list_are_left_out_and_bad_numbers_refused()
    {
        var result = Evaluate(["cat"], Image([Box("cat", 0, 0, 10, 10), Box("cow", 5, 5, 3, 3)], [Box("cat", 0, 0, 10, 10, 0.9), Box("cow", 50, 5, 3, 3, 0.9)]));
        Assert.Equal(1, result.Map50!.Value, Tolerance);
        Assert.True(result.Items[0].Correct);

        Assert.Throws<ArgumentException>(() => Evaluate(["cat"], Image([Box("cat", double.NaN, 0, 1, 1)], [])));
    }

    [Fact]
    public void On_equal_IoU_a_detection_takes_the_later_true_box()
    {
        // true boxes g1 [0,0,10,10], g2 [2,0,10,10]; d1 [1,0,10,10] (.9) overlaps both by 90/110 = .818, d2 = g2 (.8)
        // overlaps g1 by 80/120 = .667. COCO's loop replaces its match on equal IoU, so d1 takes g2:
        //   IoU .50–.65 (4 thresholds): d1→g2, d2→g1, both hits → AP 1
        //   IoU .70–.80 (3): d1→g2, d2 misses (g1 only .667) → precision 1, .5 at recall .5 → 51/101
        //   IoU .85–.95 (3): d1 misses, d2→g2 → precision 0, .5 → .5, .5 at recall 0, .5 → 51·.5/101
        // AP = (4 + 3·51/101 + 3·25.5/101)/10 = 633.5/1010 (taking the earlier box would give 783.5/1010)
        var result = Evaluate(["cat"], Image(
            [Box("cat", 0, 0, 10, 10), Box("cat", 2, 0, 10, 10)],
            [Box("cat", 1, 0, 10, 10, 0.9), Box("cat", 2, 0, 10, 10, 0.8)]));

        Assert.Equal(633.5 / 1010, result.Labels[0].Ap!.Value, Tolerance);
    }
}
