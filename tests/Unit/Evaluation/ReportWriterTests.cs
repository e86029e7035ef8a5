using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>Each report writer: parsed back (JSON, XML), escaped (Markdown, HTML), self-contained (HTML), culture-proof.</summary>
public sealed class ReportWriterTests
{
    [Fact]
    public void Json_holds_every_number_under_the_issues_keys()
    {
        var result = SampleResults.Classification();
        var json = JObject.Parse(new JsonEvaluationReport().Render(result));

        foreach (var key in new[] { "schema", "model_id", "model_version_id", "dataset_id", "dataset_version_id", "splits", "application_type", "items_evaluated", "items_skipped",
                     "accuracy", "macro", "weighted", "labels", "confusion_matrix", "gates", "baseline", "items" })
            Assert.True(json.ContainsKey(key), key);
        Assert.Equal(1, (int)json["schema"]!);
        Assert.Equal(["test", "valid"], json["splits"]!.Values<string>());
        Assert.Equal(result.Accuracy, (double)json["accuracy"]!);              // every digit survives
        Assert.Equal(result.Macro.F1, (double)json["macro"]!["f1"]!);
        Assert.Equal(result.Weighted.Recall, (double)json["weighted"]!["recall"]!);
        Assert.Equal(SampleResults.HostileLabel, (string)json["labels"]![2]!["label"]!);
        Assert.Equal(3, (int)json["labels"]![0]!["support"]!);
        Assert.False(((JObject)json["labels"]![0]!).ContainsKey("ap50"));     // detection only
        Assert.Equal("[[2,1,0],[0,2,0],[1,0,0]]", json["confusion_matrix"]!["counts"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal(1, (int)json["items_skipped"]!);

        var gate = json["gates"]![0]!;
        Assert.Equal(("minimum_accuracy", "threshold", false, "EvaluationBelowThreshold"), ((string)gate["name"]!, (string)gate["kind"]!, (bool)gate["passed"]!, (string)gate["error_id"]!));
        Assert.Equal(0.9, (double)gate["limit"]!);
        Assert.Equal(1.0, (double)json["baseline"]!["accuracy"]!);
        Assert.Equal(result.Baseline!.AccuracyDelta, (double)json["baseline"]!["deltas"]!["accuracy"]!);

        var item = json["items"]![1]!;
        Assert.Equal(("item-1", "red", "green", false), ((string)item["item_id"]!, (string)item["true"]!, (string)item["predicted"]!, (bool)item["correct"]!));
        Assert.DoesNotContain("iVBOR", json.ToString());                       // no image bytes
        Assert.DoesNotContain("input", json.ToString());
    }

    [Fact]
    public void Json_for_detection_has_AP_and_the_boxes()
    {
        var result = SampleResults.Detection();
        var json = JObject.Parse(new JsonEvaluationReport().Render(result));

        Assert.Equal(result.Map50, (double?)json["map50"]);
        Assert.Equal(result.Map, (double?)json["map"]);
        Assert.Equal(JTokenType.Null, json["accuracy"]!.Type);
        Assert.Equal(0.5, (double)json["confidence_threshold"]!);
        Assert.Equal(result.Labels[0].Ap50, (double?)json["labels"]![0]!["ap50"]);
        Assert.True((bool)json["confusion_matrix"]!["background"]!);
        var box = json["items"]![0]!["predicted_boxes"]![0]!;
        Assert.Equal(("cat", 0.12, 0.91), ((string)box["label"]!, (double)box["x"]!, (double)box["score"]!));
        Assert.Equal("map50", (string)json["headline_metric"]!);
    }

    [Fact]
    public void JUnit_has_one_suite_a_case_per_gate_and_label_and_the_failure_with_its_numbers()
    {
        var result = SampleResults.Classification();
        var xml = new JUnitEvaluationReport().Render(result);
        var document = XDocument.Parse(xml);

        var suite = Assert.Single(document.Root!.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(result.Gates.Count + result.Labels.Count, cases.Count);
        Assert.Equal(result.FailedGates.Count(), (int)suite.Attribute("failures")!);
        var failure = Assert.Single(cases.SelectMany(c => c.Elements("failure")).Where(f => (string)f.Attribute("type")! == "EvaluationBelowThreshold"));
        Assert.Contains("accuracy 0.6667 is below the minimum 0.9", (string)failure.Attribute("message")!);
        Assert.Contains("value: 0.6666666666666666", failure.Value);       // every digit in the body
        Assert.Contains("limit: 0.9", failure.Value);
        Assert.Contains(cases, c => (string)c.Attribute("name")! == "label " + SampleResults.HostileLabel);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
    }

    [Fact]
    public void JUnit_replaces_characters_XML_cannot_hold()
    {
        var result = ClassificationMetricsTests.Evaluate(["bell\u0007", "lone\uD800"], ("bell\u0007", "bell\u0007"));
        var document = XDocument.Parse(new JUnitEvaluationReport().Render(result));
        Assert.Contains(document.Descendants("testcase"), c => (string)c.Attribute("name")! == "label bell\uFFFD");
    }

    [Fact]
    public void Markdown_has_the_headline_gates_and_a_table_with_pipes_escaped()
    {
        var markdown = new MarkdownEvaluationReport().Render(SampleResults.Classification());

        Assert.Contains("## SeeMe evaluation: Colours &lt;v2&gt; &amp; co v2 — ❌ failed", markdown);
        Assert.Contains("**Accuracy 0.6667** on 6 items", markdown);
        Assert.Contains("| minimum_accuracy (accuracy) | 0.6667 | 0.9000 | ❌ failed |", markdown);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"cat\" \\| pipe", markdown);
        Assert.Contains("Sample \\| colours", markdown);
        var tableRows = markdown.Split('\n').Where(line => line.StartsWith("| ") && line.Count(c => c == '|') - Regex.Matches(line, @"\\\|").Count == 6).ToList();
        Assert.Equal(3 + 2, tableRows.Count - 1);                              // header, 3 labels, macro and weighted
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_the_numbers_a_heatmap_and_the_wrong_items()
    {
        var result = SampleResults.Classification();
        var html = new HtmlEvaluationReport().Render(result);

        AssertSelfContained(html);
        Assert.Contains("<svg", html);
        Assert.Contains("Confusion matrix", html);
        Assert.Contains("0.6667", html);                                       // accuracy 4/6
        Assert.Contains(">2</text>", html);                                    // a count in a cell
        Assert.Equal(2, Regex.Matches(html, "<img ").Count);                   // the two wrong items
        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>bold</b>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("EvaluationBelowThreshold", html);
    }

    [Fact]
    public void Html_caps_the_gallery_and_says_so()
    {
        var html = new HtmlEvaluationReport { MaxWrongItems = 1 }.Render(SampleResults.Classification());
        Assert.Single(Regex.Matches(html, "<img "));
        Assert.Contains("Showing the first 1 of 2 wrong items", html);
    }

    [Fact]
    public void Html_for_detection_draws_both_kinds_of_box_over_the_picture()
    {
        var html = new HtmlEvaluationReport().Render(SampleResults.Detection());

        AssertSelfContained(html);
        Assert.Contains("<image href=\"data:image/png;base64,", html);
        Assert.Contains("stroke=\"var(--truth)\"", html);
        Assert.Contains("stroke=\"var(--pred)\" stroke-width=\"2.5\" vector-effect=\"non-scaling-stroke\" stroke-dasharray", html);
        Assert.Contains("ground truth", html);
        Assert.Contains("(background)", html);
        Assert.Contains("mAP50", html);
        // relative boxes scaled by the PNG's own size (64 × 48): the dog at (0.1, 0.5) → (6.4, 24)
        Assert.Contains("viewBox=\"0 0 64 48\"", html);
        Assert.Contains("<rect x=\"6.4\" y=\"24\"", html);
    }

    [Fact]
    public void Every_writer_uses_invariant_numbers_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var result = SampleResults.Detection();
            foreach (var report in new EvaluationReport[] { new JsonEvaluationReport(), new JUnitEvaluationReport(), new MarkdownEvaluationReport(), new HtmlEvaluationReport() })
            {
                var text = report.Render(result);
                Assert.DoesNotMatch(@"\d,\d{4}", text);
                Assert.Contains("0.5", text);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch(@"(?i)(src|href)\s*=\s*[""']?\s*(https?:)?//", html);
        Assert.DoesNotMatch(@"(?i)url\(", html);
        Assert.DoesNotMatch(@"(?i)<(script|link|iframe|object|embed)\b", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Theory]
    [InlineData("jpeg", 40, 30)]
    [InlineData("webp", 36, 20)]
    [InlineData("bmp", 6, 4)]
    public void Html_reads_the_pictures_type_and_size_from_its_bytes(string format, int width, int height)
    {
        var bytes = format == "bmp"
            ? Infrastructure.TestImages.SolidBmp(Infrastructure.TestImages.Red, width, height)
            : Infrastructure.TestImages.Solid(Infrastructure.TestImages.Red, width, height, format == "jpeg" ? SkiaSharp.SKEncodedImageFormat.Jpeg : SkiaSharp.SKEncodedImageFormat.Webp);
        var outcome = new DetectionOutcome
        {
            ItemId = "x", Name = "x", Image = bytes, ImageContentType = "image/png",   // a wrong content type is not believed
            TrueBoxes = [new DetectionBox("cat", 0.5, 0.5, 0.5, 0.5)],
        };
        var html = new HtmlEvaluationReport().Render(ModelEvaluation.Detection(["cat"], [outcome], 0.5, new EvaluationContext()));

        Assert.Contains($"viewBox=\"0 0 {width} {height}\"", html);
        Assert.Contains($"href=\"data:image/{format};base64,", html);
    }

    [Fact]
    public void Html_embeds_nothing_that_is_not_a_known_raster_image()
    {
        var outcome = new ClassificationOutcome
        {
            ItemId = "x", Name = "x", TrueLabel = "a", PredictedLabel = "b", Input = "x.svg",
            Image = System.Text.Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), ImageContentType = "image/png",
        };
        var html = new HtmlEvaluationReport().Render(ModelEvaluation.Classification(["a", "b"], [outcome], new EvaluationContext()));

        Assert.DoesNotContain("data:", html.Replace("img-src data:", ""));
        Assert.Contains("<blockquote>x.svg</blockquote>", html);
    }
}
