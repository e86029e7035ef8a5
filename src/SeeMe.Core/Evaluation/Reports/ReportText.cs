using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace SeeMe.Core.Evaluation
{
    /// <summary>How the reports show numbers and names: invariant culture everywhere, escaped for their format.</summary>
    internal static class ReportText
    {
        public const string None = "–";

        /// <summary>A metric for people: four decimals, invariant.</summary>
        public static string Number(double? value) => value.HasValue ? value.Value.ToString("0.0000", CultureInfo.InvariantCulture) : None;

        /// <summary>A difference with its sign: +0.0123, -0.0040.</summary>
        public static string Delta(double? value) =>
            !value.HasValue ? None : (value.Value >= 0 ? "+" : "") + value.Value.ToString("0.0000", CultureInfo.InvariantCulture);

        public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Every digit: the shortest text that reads back as the same double.</summary>
        public static string Exact(double? value) => value.HasValue ? value.Value.ToString("R", CultureInfo.InvariantCulture) : "none";

        public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

        public static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");

        /// <summary>Text safe inside a Markdown table cell: no line breaks, HTML and Markdown punctuation escaped, pipes too.</summary>
        public static string Markdown(string? text)
        {
            var builder = new StringBuilder();
            foreach (var c in (text ?? "").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '))
            {
                if (c == '&') builder.Append("&amp;");
                else if (c == '<') builder.Append("&lt;");
                else if (c == '>') builder.Append("&gt;");
                else if ("\\`*_[]|~#!".IndexOf(c) >= 0) builder.Append('\\').Append(c);
                else builder.Append(c);
            }
            return builder.ToString();
        }

        /// <summary>Replaces characters XML 1.0 cannot hold (control characters, lone surrogates) with U+FFFD.</summary>
        public static string Xml(string? text)
        {
            var source = text ?? "";
            var builder = new StringBuilder(source.Length);
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1])) { builder.Append(c).Append(source[++i]); continue; }
                builder.Append(IsXmlChar(c) && !char.IsSurrogate(c) ? c : '\uFFFD');
            }
            return builder.ToString();
        }

        private static bool IsXmlChar(char c) =>
            c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || char.IsSurrogate(c);

        public static string Truncate(string? text, int length) =>
            text == null ? "" : text.Length <= length ? text : text.Substring(0, length).TrimEnd() + "…";

        /// <summary>"image classification" for "image_classification".</summary>
        public static string ApplicationType(string? wire) => (wire ?? "").Replace('_', ' ');

        public static string Splits(string[]? splits) => splits == null || splits.Length == 0 ? "" : string.Join(", ", splits);

        public static string MetricTitle(string metric)
        {
            switch (metric)
            {
                case EvaluationMetrics.Accuracy: return "Accuracy";
                case EvaluationMetrics.MacroF1: return "Macro F1";
                case EvaluationMetrics.Map50: return "mAP50";
                case EvaluationMetrics.Map: return "mAP50-95";
                default: return metric;
            }
        }

        public static string Title(EvaluationResult result) =>
            Format("{0} {1}", Or(result.ModelName, result.ModelId, "model"), result.ModelVersionName).Trim();

        public static string Or(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? "";

        public static bool Any(string? text) => !string.IsNullOrEmpty(text);
    }
}
