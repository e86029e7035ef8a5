using System.Text.RegularExpressions;
using SeeMe.Core.Evaluation;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The HTML report that Test-SeeMeModel writes, opened in a real headless Chromium with every network request caught:
/// it renders (a screenshot with the page's content, the wrong items' pictures among it), its numbers and its
/// confusion-matrix picture are in the page, and it asks nothing of any server.
/// </summary>
public sealed class EvaluationReportBrowserTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly EvaluationTestData _data = new(server);

    public void Dispose() => _data.Dispose();

    private (EvaluationResult Result, RenderedPage Page) EvaluateAndOpen(string script, params object[] args)
    {
        using var ps = new PowerShellHost();
        ps.Connect(server);
        var report = Path.Combine(_data.Folder, "report-" + Guid.NewGuid().ToString("N")[..8], "evaluation.html");
        var run = ps.Run(script + " -ReportPath $args[2]", args[0], args[1], report);
        Assert.Empty(run.Errors);
        var result = Assert.Single(run.OfType<EvaluationResult>());
        return (result, HeadlessBrowser.Open(report, Path.GetDirectoryName(report)!));
    }

    [Fact]
    public async Task A_classification_report_renders_its_numbers_its_confusion_matrix_and_the_wrong_items_with_no_request()
    {
        var (model, version) = await _data.ColoursAsync();

        var (result, page) = EvaluateAndOpen("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        Assert.Empty(page.Requests);
        Assert.Contains("0.6667", page.Dom); // accuracy 4/6
        Assert.Contains(result.Macro.F1.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), page.Dom);
        var matrix = Regex.Match(page.Dom, "<svg[^>]*aria-label=\"Confusion matrix\".*?</svg>", RegexOptions.Singleline);
        Assert.True(matrix.Success, "the page holds the confusion matrix as an SVG picture");
        foreach (var label in new[] { "red", "green", "blue" }) Assert.Contains(">" + label + "<", matrix.Value);
        Assert.Equal(2, Regex.Matches(page.Dom, "<img[^>]+src=\"data:image/png;base64,").Count); // r2 and b2, the wrong items
        Assert.Contains("r2", page.Dom);
        Assert.Contains("b2", page.Dom);

        AssertShowsContent(page.Screenshot);
        Assert.True(Count(page.Screenshot, new SKColor(255, 0, 0)) > 50, "the red item's thumbnail is drawn");
        Assert.True(Count(page.Screenshot, new SKColor(0, 0, 255)) > 50, "the blue item's thumbnail is drawn");
    }

    [Fact]
    public async Task A_detection_report_draws_the_true_and_predicted_boxes_over_the_pictures_with_no_request()
    {
        var model = await _data.ModelAsync("object_detection", KnownModels.Detector(), KnownModels.Animals);
        var version = await _data.DatasetVersionAsync("images", KnownModels.Animals);
        await _data.ItemAsync(version, "A", image: EvaluationTestData.Green, annotations: [("cat", "0.5 0.5 0.25 0.25"), ("cat", "0.2 0.2 0.1 0.1")]);
        await _data.ItemAsync(version, "E", image: EvaluationTestData.Green);

        var (result, page) = EvaluateAndOpen("$args[0] | Test-SeeMeModel -Model $args[1]", version, model);

        Assert.Empty(page.Requests);
        Assert.Contains(ReportNumber(result.Map50), page.Dom);
        var overlays = Regex.Matches(page.Dom, "<svg[^>]*><title>[^<]*</title><image href=\"data:image/png;base64,.*?</svg>", RegexOptions.Singleline);
        Assert.Equal(2, overlays.Count); // both items are wrong: A misses a box, E has only false positives
        Assert.Contains("var(--truth)", overlays[0].Value);
        Assert.Contains("var(--pred)", overlays[0].Value);

        AssertShowsContent(page.Screenshot);
        Assert.True(Count(page.Screenshot, new SKColor(0, 255, 0)) > 50, "the pictures under the boxes are drawn");
    }

    [Fact]
    public void The_browser_check_sees_a_page_that_asks_a_server_for_something()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data.Folder, "control")).FullName;
        var page = Path.Combine(folder, "page.html");
        File.WriteAllText(page, "<!doctype html><title>control</title><p>text</p><img src=\"http://example.test/logo.png\">" +
            "<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto\">");

        var rendered = HeadlessBrowser.Open(page, folder);

        Assert.Contains(rendered.Requests, r => r.StartsWith("GET http://example.test/logo.png ", StringComparison.Ordinal));
        Assert.Contains(rendered.Requests, r => r.StartsWith("CONNECT fonts.googleapis.com:443 ", StringComparison.Ordinal));
        Assert.Contains("<p>text</p>", rendered.Dom);
    }

    private static string ReportNumber(double? value) => value!.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Not a blank page: a good part of it is not the background, in more than a handful of colours.</summary>
    private static void AssertShowsContent(SKBitmap screenshot)
    {
        var background = screenshot.GetPixel(0, 0);
        var pixels = Pixels(screenshot).ToList();
        var content = pixels.Count(p => p != background);
        Assert.True(content > pixels.Count / 50, $"only {content} of {pixels.Count} pixels differ from the background");
        Assert.True(pixels.Distinct().Take(20).Count() == 20, "the page is drawn in more than a few colours");
    }

    private static int Count(SKBitmap screenshot, SKColor colour) => Pixels(screenshot).Count(p => p == colour);

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
        for (var x = 0; x < bitmap.Width; x++)
            yield return bitmap.GetPixel(x, y);
    }
}
