using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// The confusion matrix as an SVG heatmap: rows the true label, columns the predicted one, the count in each
    /// cell; the shade is the cell's share of its row, blue on the diagonal (right) and red off it (wrong).
    /// </summary>
    internal static class ConfusionMatrixSvg
    {
        private const int MaxLabelCharacters = 22;
        private const double CharacterWidth = 7.2;

        public static void WriteSection(EvaluationResult result, TextWriter writer)
        {
            var matrix = result.ConfusionMatrix;
            writer.Write("<section class=\"matrix\">\n<h2>Confusion matrix</h2>\n");
            if (matrix.Labels.Count == 0) { writer.Write("<p class=\"muted\">No labels.</p>\n</section>\n"); return; }
            writer.Write(Svg(matrix));
            var unlisted = matrix.UnlistedPredictions?.Sum() ?? 0;
            if (unlisted > 0) writer.Write("<p class=\"muted\">" + ReportText.Integer(unlisted) + " predictions named no label of the list; they count as wrong and are not in the matrix.</p>\n");
            if (matrix.HasBackground) writer.Write("<p class=\"muted\">Boxes paired regardless of label at IoU ≥ 0.5 and the confidence threshold. Background row: detections that match no true box; background column: true boxes no detection found.</p>\n");
            writer.Write("</section>\n");
        }

        public static string Svg(ConfusionMatrix matrix)
        {
            var n = matrix.Labels.Count;
            var cell = n <= 8 ? 56.0 : Math.Max(20.0, 560.0 / n);
            var labelSpace = Math.Min(MaxLabelCharacters, matrix.Labels.Max(label => label.Length)) * CharacterWidth + 16;
            double left = labelSpace + 28, top = labelSpace * 0.75 + 34;
            var width = left + n * cell + labelSpace * 0.72 + 12;
            var height = top + n * cell + 12;
            var svg = new System.Text.StringBuilder();
            svg.Append(F("<svg role=\"img\" aria-label=\"Confusion matrix\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" font-size=\"12\">\n", width, height));
            svg.Append(F("<text x=\"{0}\" y=\"14\" text-anchor=\"middle\" font-weight=\"600\" fill=\"currentColor\">Predicted label</text>\n", left + n * cell / 2));
            svg.Append(F("<text transform=\"translate(14 {0}) rotate(-90)\" text-anchor=\"middle\" font-weight=\"600\" fill=\"currentColor\">True label</text>\n", top + n * cell / 2));
            for (var i = 0; i < n; i++)
            {
                svg.Append(AxisLabel(matrix.Labels[i], left - 8, top + i * cell + cell / 2, "end", rotate: false));
                svg.Append(AxisLabel(matrix.Labels[i], left + i * cell + cell / 2, top - 8, "start", rotate: true));
            }
            for (var row = 0; row < n; row++) AppendRow(svg, matrix, row, left, top, cell);
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static void AppendRow(System.Text.StringBuilder svg, ConfusionMatrix matrix, int row, double left, double top, double cell)
        {
            var counts = matrix.Counts[row];
            var total = counts.Sum();
            for (var column = 0; column < counts.Length; column++)
            {
                var share = total == 0 ? 0 : (double)counts[column] / total;
                var diagonal = row == column && !(matrix.HasBackground && row == counts.Length - 1);
                double x = left + column * cell, y = top + row * cell;
                svg.Append(F("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{2}\" fill=\"{3}\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{4} → {5}: {6}</title></rect>",
                    x, y, cell, Shade(share, diagonal), ReportText.Html(matrix.Labels[row]), ReportText.Html(matrix.Labels[column]), counts[column]));
                svg.Append(F("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"{2}\" fill=\"{3}\">{4}</text>\n",
                    x + cell / 2, y + cell / 2, Math.Min(14, cell * 0.38), share > 0.55 ? "#ffffff" : "#0f172a", counts[column]));
            }
        }

        private static string AxisLabel(string label, double x, double y, string anchor, bool rotate)
        {
            var shown = ReportText.Html(ReportText.Truncate(label, MaxLabelCharacters));
            var place = rotate ? F("transform=\"translate({0} {1}) rotate(-45)\"", x, y) : F("x=\"{0}\" y=\"{1}\"", x, y);
            return F("<text {0} text-anchor=\"{1}\" dominant-baseline=\"central\" fill=\"currentColor\"><title>{2}</title>{3}</text>\n", place, anchor, ReportText.Html(label), shown);
        }

        /// <summary>From near-white to a deep blue (right) or red (wrong) as the share of the row grows.</summary>
        private static string Shade(double share, bool diagonal)
        {
            var (r, g, b) = diagonal ? (29, 78, 216) : (220, 38, 38);
            var t = share <= 0 ? 0 : 0.12 + 0.88 * share;
            return F("rgb({0},{1},{2})", Mix(248, r, t), Mix(250, g, t), Mix(252, b, t));
        }

        private static int Mix(int from, int to, double t) => (int)Math.Round(from + (to - from) * t);

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args.Select(Round).ToArray());

        private static object Round(object value) => value is double d ? (object)Math.Round(d, 1) : value;
    }
}
