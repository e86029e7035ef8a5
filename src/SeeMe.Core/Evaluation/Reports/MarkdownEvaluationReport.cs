using System.IO;

namespace SeeMe.Core.Evaluation
{
    /// <summary>A summary for $env:GITHUB_STEP_SUMMARY or a pull request: the headline, the gates, the baseline and the per-label table.</summary>
    public sealed class MarkdownEvaluationReport : EvaluationReport
    {
        public override string Extension => ".md";

        public override void Write(EvaluationResult result, TextWriter writer)
        {
            WriteHeadline(result, writer);
            if (result.Gates.Count > 0) WriteGates(result, writer);
            if (result.Baseline != null) WriteBaseline(result, result.Baseline, writer);
            WriteLabels(result, writer);
        }

        private static void WriteHeadline(EvaluationResult result, TextWriter writer)
        {
            var verdict = result.Gates.Count == 0 ? "" : result.Passed ? " — ✅ passed" : " — ❌ failed";
            writer.WriteLine(ReportText.Format("## SeeMe evaluation: {0}{1}", Escape(ReportText.Title(result)), verdict));
            writer.WriteLine();
            writer.WriteLine(ReportText.Format("**{0} {1}** on {2} items of {3} (split {4}, {5}){6}.",
                ReportText.MetricTitle(result.HeadlineMetric), ReportText.Number(result.HeadlineValue), result.ItemsEvaluated,
                Escape(ReportText.Or(result.DatasetName, result.DatasetId, "the dataset")), Escape(ReportText.Splits(result.Splits)),
                Escape(ReportText.ApplicationType(result.ApplicationType)),
                result.ItemsSkipped > 0 ? ReportText.Format("; {0} skipped", result.ItemsSkipped) : ""));
            writer.WriteLine();
            var second = result.IsDetection
                ? ReportText.Format("mAP50-95 {0} · macro F1 {1} at confidence {2}", ReportText.Number(result.Map), ReportText.Number(result.Macro.F1), ReportText.Exact(result.ConfidenceThreshold))
                : ReportText.Format("macro F1 {0} · weighted F1 {1}", ReportText.Number(result.Macro.F1), ReportText.Number(result.Weighted.F1));
            writer.WriteLine(second);
            writer.WriteLine();
        }

        private static void WriteGates(EvaluationResult result, TextWriter writer)
        {
            writer.WriteLine("### Gates");
            writer.WriteLine();
            writer.WriteLine("| gate | value | limit | result |");
            writer.WriteLine("|---|---:|---:|---|");
            foreach (var gate in result.Gates)
                writer.WriteLine(ReportText.Format("| {0} ({1}) | {2} | {3} | {4} |", gate.Name, gate.Metric, ReportText.Number(gate.Value), ReportText.Number(gate.Limit), gate.Passed ? "✅ passed" : "❌ failed"));
            writer.WriteLine();
            foreach (var gate in result.FailedGates)
            {
                writer.WriteLine(ReportText.Format("> **{0}**: {1}", gate.ErrorId, Escape(gate.Message)));
                writer.WriteLine();
            }
        }

        private static void WriteBaseline(EvaluationResult result, BaselineComparison baseline, TextWriter writer)
        {
            writer.WriteLine(ReportText.Format("### Against the baseline {0}", Escape(ReportText.Or(baseline.ModelVersionName, baseline.ModelVersionId))));
            writer.WriteLine();
            writer.WriteLine("| metric | this version | baseline | change |");
            writer.WriteLine("|---|---:|---:|---:|");
            if (result.IsDetection)
            {
                Row(writer, "mAP50", result.Map50, baseline.Map50, baseline.Map50Delta);
                Row(writer, "mAP50-95", result.Map, baseline.Map, baseline.MapDelta);
            }
            else Row(writer, "accuracy", result.Accuracy, baseline.Accuracy, baseline.AccuracyDelta);
            Row(writer, "macro F1", result.Macro.F1, baseline.MacroF1, baseline.MacroF1Delta);
            writer.WriteLine();
        }

        private static void Row(TextWriter writer, string metric, double? candidate, double? baseline, double? delta) =>
            writer.WriteLine(ReportText.Format("| {0} | {1} | {2} | {3} |", metric, ReportText.Number(candidate), ReportText.Number(baseline), ReportText.Delta(delta)));

        private static void WriteLabels(EvaluationResult result, TextWriter writer)
        {
            writer.WriteLine("### Per label");
            writer.WriteLine();
            writer.WriteLine(result.IsDetection ? "| label | precision | recall | F1 | support | AP50 | AP50-95 |" : "| label | precision | recall | F1 | support |");
            writer.WriteLine(result.IsDetection ? "|---|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|");
            foreach (var label in result.Labels)
            {
                var row = ReportText.Format("| {0} | {1} | {2} | {3} | {4} |", Escape(label.Label), ReportText.Number(label.Precision), ReportText.Number(label.Recall), ReportText.Number(label.F1), label.Support);
                if (result.IsDetection) row += ReportText.Format(" {0} | {1} |", ReportText.Number(label.Ap50), ReportText.Number(label.Ap));
                writer.WriteLine(row);
            }
            writer.WriteLine(ReportText.Format("| *macro* | {0} | {1} | {2} | |{3}", ReportText.Number(result.Macro.Precision), ReportText.Number(result.Macro.Recall), ReportText.Number(result.Macro.F1), result.IsDetection ? ReportText.Format(" {0} | {1} |", ReportText.Number(result.Map50), ReportText.Number(result.Map)) : ""));
            writer.WriteLine(ReportText.Format("| *weighted* | {0} | {1} | {2} | |{3}", ReportText.Number(result.Weighted.Precision), ReportText.Number(result.Weighted.Recall), ReportText.Number(result.Weighted.F1), result.IsDetection ? " | |" : ""));
            writer.WriteLine();
        }

        private static string Escape(string? text) => ReportText.Markdown(text);
    }
}
