using System.IO;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The wrong items as thumbnails with their true and predicted labels, at most so many, within a byte budget.</summary>
    internal sealed class WrongItemsGallery
    {
        private const int TextCharacters = 280;
        private readonly int _maxItems;
        private long _imageBytesLeft;

        public WrongItemsGallery(int maxItems, long maxImageBytes)
        {
            _maxItems = maxItems < 0 ? 0 : maxItems;
            _imageBytesLeft = maxImageBytes;
        }

        public void WriteSection(EvaluationResult result, TextWriter writer)
        {
            var wrong = result.Items.Where(item => !item.Correct).ToList();
            writer.Write("<section>\n<h2>Wrong items</h2>\n");
            if (wrong.Count == 0) { writer.Write("<p class=\"muted\">None: every item was right.</p>\n</section>\n"); return; }
            var shown = wrong.Take(_maxItems).ToList();
            writer.Write("<p class=\"muted\">" + (shown.Count < wrong.Count
                ? ReportText.Format("Showing the first {0} of {1} wrong items; the JSON report lists them all.", shown.Count, wrong.Count)
                : ReportText.Format("{0} wrong {1}.", wrong.Count, wrong.Count == 1 ? "item" : "items")) + "</p>\n");
            if (result.IsDetection) WriteLegend(writer);
            writer.Write("<div class=\"gallery\">\n");
            foreach (var item in shown) WriteFigure(item, result.IsDetection, result.ConfidenceThreshold ?? 0, writer);
            writer.Write("</div>\n</section>\n");
        }

        private static void WriteLegend(TextWriter writer) =>
            writer.Write("<div class=\"legend\"><span><span class=\"swatch\" style=\"border-color:var(--truth)\"></span>ground truth</span>" +
                         "<span><span class=\"swatch\" style=\"border-color:var(--pred);border-style:dashed\"></span>prediction (at or above the threshold)</span></div>\n");

        private void WriteFigure(EvaluatedItem item, bool detection, double threshold, TextWriter writer)
        {
            writer.Write("<figure>");
            var image = Budgeted(EmbeddedImage.From(item.Image));
            if (detection) writer.Write(BoxOverlaySvg.Draw(item, image, threshold));
            else if (image != null) writer.Write("<img alt=\"" + H(item.Name) + "\" src=\"" + image.DataUri + "\">");
            else writer.Write("<blockquote>" + H(ReportText.Truncate(ReportText.Or(item.Input, item.Name), TextCharacters)) + "</blockquote>");
            writer.Write("<figcaption><b>" + H(ReportText.Or(item.Name, item.ItemId)) + "</b><br>");
            writer.Write("true: " + H(Or(item.True)) + "<br>predicted: " + H(Or(item.Predicted)));
            if (item.Confidence.HasValue) writer.Write(" <span class=\"muted\">(" + ReportText.Number(item.Confidence) + ")</span>");
            if (detection)
                writer.Write(ReportText.Format("<br><span class=\"muted\">{0} found, {1} false, {2} missed</span>", item.TruePositives ?? 0, item.FalsePositives ?? 0, item.FalseNegatives ?? 0));
            writer.Write("</figcaption></figure>\n");
        }

        private EmbeddedImage? Budgeted(EmbeddedImage? image)
        {
            if (image == null || image.Bytes.Length > _imageBytesLeft) return null;
            _imageBytesLeft -= image.Bytes.Length;
            return image;
        }

        private static string Or(string text) => text.Length == 0 ? "(none)" : text;

        private static string H(string? text) => ReportText.Html(text);
    }
}
