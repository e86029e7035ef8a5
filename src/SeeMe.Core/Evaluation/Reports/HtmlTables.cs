using System;
using System.Globalization;
using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The gates, the baseline comparison and the per-label table of the HTML report.</summary>
    internal static class HtmlTables
    {
        public static void WriteGates(EvaluationResult result, TextWriter writer)
        {
            if (result.Gates.Count == 0) return;
            writer.Write("<section>\n<h2>Gates</h2>\n<table>\n<tr><th>gate</th><th class=\"num\">value</th><th class=\"num\">limit</th><th>result</th></tr>\n");
            foreach (var gate in result.Gates)
            {
                writer.Write("<tr><td><b>" + H(gate.Name) + "</b><br><span class=\"muted\">" + H(gate.Message) + "</span></td>");
                writer.Write("<td class=\"num\">" + ReportText.Number(gate.Value) + "</td><td class=\"num\">" + ReportText.Number(gate.Limit) + "</td>");
                writer.Write(gate.Passed ? "<td><span class=\"pill pass\">passed</span></td>" : "<td><span class=\"pill fail\">failed</span> <span class=\"muted\">" + gate.ErrorId + "</span></td>");
                writer.Write("</tr>\n");
            }
            writer.Write("</table>\n</section>\n");
        }

        public static void WriteBaseline(EvaluationResult result, TextWriter writer)
        {
            var baseline = result.Baseline;
            if (baseline == null) return;
            writer.Write("<section>\n<h2>Against the baseline " + H(ReportText.Or(baseline.ModelVersionName, baseline.ModelVersionId)) + "</h2>\n");
            writer.Write("<table>\n<tr><th>metric</th><th class=\"num\">this version</th><th class=\"num\">baseline</th><th class=\"num\">change</th></tr>\n");
            if (result.IsDetection)
            {
                Row(writer, "mAP50", result.Map50, baseline.Map50, baseline.Map50Delta);
                Row(writer, "mAP50-95", result.Map, baseline.Map, baseline.MapDelta);
            }
            else Row(writer, "Accuracy", result.Accuracy, baseline.Accuracy, baseline.AccuracyDelta);
            Row(writer, "Macro F1", result.Macro.F1, baseline.MacroF1, baseline.MacroF1Delta);
            writer.Write("</table>\n</section>\n");
        }

        private static void Row(TextWriter writer, string metric, double? candidate, double? baseline, double? delta)
        {
            var direction = !delta.HasValue || delta.Value == 0 ? "" : delta.Value < 0 ? " down" : " up";
            writer.Write("<tr><td>" + metric + "</td><td class=\"num\">" + ReportText.Number(candidate) + "</td><td class=\"num\">" + ReportText.Number(baseline));
            writer.Write("</td><td class=\"num delta" + direction + "\">" + ReportText.Delta(delta) + "</td></tr>\n");
        }

        public static void WriteLabels(EvaluationResult result, TextWriter writer)
        {
            var detection = result.IsDetection;
            writer.Write("<section>\n<h2>Per label</h2>\n<table>\n<tr><th>label</th><th class=\"num\">precision</th><th class=\"num\">recall</th><th class=\"num\">F1</th><th class=\"num\">support</th>");
            writer.Write(detection ? "<th class=\"num\">AP50</th><th class=\"num\">AP50-95</th></tr>\n" : "</tr>\n");
            foreach (var label in result.Labels)
            {
                writer.Write("<tr><td>" + H(label.Label) + "</td>" + Cell(label.Precision) + Cell(label.Recall) + Bar(label.F1));
                writer.Write("<td class=\"num\">" + ReportText.Integer(label.Support) + "</td>");
                writer.Write(detection ? Cell(label.Ap50) + Bar(label.Ap) + "</tr>\n" : "</tr>\n");
            }
            Average(writer, "macro average", result.Macro, detection ? Cell(result.Map50) + Cell(result.Map) : "");
            Average(writer, "weighted average", result.Weighted, detection ? "<td></td><td></td>" : "");
            writer.Write("</table>\n");
            if (detection) writer.Write("<p class=\"muted\">Precision, recall and F1 count detections at or above the confidence threshold matched at IoU ≥ 0.5; AP uses every detection (COCO, 101 recall points, at most 100 per image and label). A label without true boxes has no AP.</p>\n");
            writer.Write("</section>\n");
        }

        private static void Average(TextWriter writer, string name, AverageMetrics average, string detectionCells) =>
            writer.Write("<tr><td class=\"muted\">" + name + "</td>" + Cell(average.Precision) + Cell(average.Recall) + Cell(average.F1) + "<td></td>" + detectionCells + "</tr>\n");

        private static string Cell(double? value) => "<td class=\"num\">" + ReportText.Number(value) + "</td>";

        /// <summary>A number with a faint bar behind it, as long as the value.</summary>
        private static string Bar(double? value)
        {
            var width = Math.Max(0, Math.Min(1, value ?? 0)) * 100;
            return "<td class=\"num bar\"><span style=\"width:" + width.ToString("0.#", CultureInfo.InvariantCulture) + "%\"></span>" + ReportText.Number(value) + "</td>";
        }

        private static string H(string? text) => ReportText.Html(text);
    }
}
