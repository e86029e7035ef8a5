using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// An item's picture with its true boxes (solid) and the detections at or above the threshold (dashed) drawn
    /// over it. Boxes whose every coordinate lies within 0..1 are taken as relative to the image and scaled to its
    /// size (the outcome's, else read from the picture's header); others are taken as pixels.
    /// </summary>
    internal static class BoxOverlaySvg
    {
        public static string Draw(EvaluatedItem item, EmbeddedImage? image, double threshold)
        {
            var truths = item.TrueBoxes ?? Array.Empty<DetectionBox>();
            var predictions = (item.PredictedBoxes ?? Array.Empty<DetectionBox>()).Where(box => box.Score >= threshold).ToList();
            var all = truths.Concat(predictions).ToList();
            var relative = all.Count > 0 && all.All(IsRelative);
            var (width, height) = Size(item, image, all, relative);
            double scaleX = relative ? width : 1, scaleY = relative ? height : 1;

            var svg = new StringBuilder();
            svg.Append(F("<svg role=\"img\" viewBox=\"0 0 {0} {1}\" preserveAspectRatio=\"xMidYMid meet\"><title>{2}</title>", width, height, ReportText.Html(item.Name)));
            if (image != null) svg.Append(F("<image href=\"{0}\" x=\"0\" y=\"0\" width=\"{1}\" height=\"{2}\"/>", image.DataUri, width, height));
            var fontSize = Math.Max(width, height) / 22;
            foreach (var box in truths) svg.Append(Rectangle(box, scaleX, scaleY, "var(--truth)", dashed: false, box.Label, fontSize));
            foreach (var box in predictions) svg.Append(Rectangle(box, scaleX, scaleY, "var(--pred)", dashed: true, box.Label + " " + box.Score.ToString("0.00", CultureInfo.InvariantCulture), fontSize));
            svg.Append("</svg>");
            return svg.ToString();
        }

        private static bool IsRelative(DetectionBox box) =>
            box.X >= -0.01 && box.Y >= -0.01 && box.X + box.Width <= 1.01 && box.Y + box.Height <= 1.01;

        private static (double Width, double Height) Size(EvaluatedItem item, EmbeddedImage? image, List<DetectionBox> boxes, bool relative)
        {
            if (item.ImageWidth > 0 && item.ImageHeight > 0) return (item.ImageWidth, item.ImageHeight);
            if (image != null && image.Width > 0 && image.Height > 0) return (image.Width, image.Height);
            if (relative || boxes.Count == 0) return (100, 100);
            return (Math.Max(1, boxes.Max(box => box.X + box.Width)), Math.Max(1, boxes.Max(box => box.Y + box.Height)));
        }

        private static string Rectangle(DetectionBox box, double scaleX, double scaleY, string colour, bool dashed, string caption, double fontSize)
        {
            double x = box.X * scaleX, y = box.Y * scaleY;
            var rect = F("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{3}\" fill=\"none\" stroke=\"{4}\" stroke-width=\"2.5\" vector-effect=\"non-scaling-stroke\"{5}><title>{6}</title></rect>",
                x, y, Math.Max(0, box.Width * scaleX), Math.Max(0, box.Height * scaleY), colour, dashed ? " stroke-dasharray=\"6 4\"" : "", ReportText.Html(caption));
            var label = F("<text x=\"{0}\" y=\"{1}\" font-size=\"{2}\" fill=\"{3}\" stroke=\"#000000\" stroke-width=\"0.6\" paint-order=\"stroke\" font-weight=\"700\">{4}</text>",
                x + fontSize * 0.2, dashed ? y + box.Height * scaleY - fontSize * 0.3 : y + fontSize, fontSize, colour, ReportText.Html(caption));
            return rect + label;
        }

        private static string F(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args.Select(a => a is double d ? (object)Math.Round(d, 2) : a).ToArray());
    }
}
