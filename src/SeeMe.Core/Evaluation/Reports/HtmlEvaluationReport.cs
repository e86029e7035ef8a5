using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// One self-contained page, opened offline in any browser: the headline and gates, the baseline, the per-label
    /// table, the confusion matrix as an SVG heatmap, and the wrong items as thumbnails (for detection with the boxes
    /// drawn over them). Nothing is loaded from elsewhere: pictures are data: URIs and a Content-Security-Policy
    /// forbids any other source. Every name and label is HTML-escaped.
    /// </summary>
    public sealed class HtmlEvaluationReport : EvaluationReport
    {
        /// <summary>How many wrong items the gallery shows at most (the page says how many there were).</summary>
        public int MaxWrongItems { get; set; } = 60;

        /// <summary>The most image bytes the page embeds; items past it are shown without their picture.</summary>
        public long MaxImageBytes { get; set; } = 24L * 1024 * 1024;

        public override string Extension => ".html";

        public override void Write(EvaluationResult result, TextWriter writer)
        {
            writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
            writer.Write("<title>" + H("SeeMe evaluation: " + ReportText.Title(result)) + "</title>\n");
            writer.Write("<style>" + HtmlStyle.Css + "</style>\n</head>\n<body>\n<main>\n");
            WriteHeader(result, writer);
            HtmlHeadline.WriteCards(result, writer);
            HtmlTables.WriteGates(result, writer);
            HtmlTables.WriteBaseline(result, writer);
            HtmlTables.WriteLabels(result, writer);
            ConfusionMatrixSvg.WriteSection(result, writer);
            new WrongItemsGallery(MaxWrongItems, MaxImageBytes).WriteSection(result, writer);
            writer.Write("<footer>SeeMe for PowerShell · classification as scikit-learn computes it (zero_division=0), detection AP as pycocotools' COCOeval</footer>\n");
            writer.Write("</main>\n</body>\n</html>\n");
        }

        private static void WriteHeader(EvaluationResult result, TextWriter writer)
        {
            writer.Write("<header class=\"top\"><div>\n<p class=\"eyebrow\">SeeMe model evaluation · " + H(ReportText.ApplicationType(result.ApplicationType)) + "</p>\n");
            writer.Write("<h1>" + H(ReportText.Or(result.ModelName, result.ModelId, "Model")) + " <span class=\"muted\">" + H(result.ModelVersionName) + "</span></h1>\n");
            writer.Write("<p class=\"muted\">on " + H(ReportText.Or(result.DatasetName, result.DatasetId, "the dataset")));
            if (ReportText.Any(result.DatasetVersionName)) writer.Write(" " + H(result.DatasetVersionName));
            writer.Write(" · split " + H(ReportText.Splits(result.Splits)) + " · " + ReportText.Integer(result.ItemsEvaluated) + " items evaluated");
            if (result.ItemsSkipped > 0) writer.Write(", " + ReportText.Integer(result.ItemsSkipped) + " skipped");
            if (result.IsDetection) writer.Write(" · confidence threshold " + ReportText.Exact(result.ConfidenceThreshold));
            writer.Write("</p>\n</div>\n");
            var verdict = result.Gates.Count == 0 ? ("neutral", "No gates") : result.Passed ? ("pass", "✓ Passed") : ("fail", "✗ Failed");
            writer.Write("<div class=\"verdict " + verdict.Item1 + "\">" + verdict.Item2 + "</div>\n</header>\n");
        }

        internal static string H(string? text) => ReportText.Html(text);
    }
}
