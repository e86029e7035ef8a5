using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The row of big numbers under the title, the headline first.</summary>
    internal static class HtmlHeadline
    {
        public static void WriteCards(EvaluationResult result, TextWriter writer)
        {
            var baseline = result.Baseline;
            writer.Write("<section class=\"cards\">\n");
            if (result.IsDetection)
            {
                Card(writer, "mAP50", result.Map50, baseline?.Map50Delta, headline: true);
                Card(writer, "mAP50-95", result.Map, baseline?.MapDelta);
            }
            else Card(writer, "Accuracy", result.Accuracy, baseline?.AccuracyDelta, headline: true);
            Card(writer, "Macro F1", result.Macro.F1, baseline?.MacroF1Delta);
            Card(writer, "Macro precision", result.Macro.Precision);
            Card(writer, "Macro recall", result.Macro.Recall);
            Card(writer, "Weighted F1", result.Weighted.F1);
            writer.Write("</section>\n");
        }

        private static void Card(TextWriter writer, string name, double? value, double? delta = null, bool headline = false)
        {
            writer.Write(headline ? "<div class=\"card headline\">" : "<div class=\"card\">");
            writer.Write("<div class=\"name\">" + name + "</div><div class=\"value\">" + ReportText.Number(value) + "</div>");
            if (delta.HasValue)
                writer.Write("<div class=\"delta " + (delta.Value < 0 ? "down" : "up") + "\">" + ReportText.Delta(delta) + " vs baseline</div>");
            writer.Write("</div>\n");
        }
    }
}
