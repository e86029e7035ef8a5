using System.IO;
using System.Linq;
using System.Xml;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// JUnit XML as Azure Pipelines' PublishTestResults@2 and GitHub's test-report actions read it: one test suite,
    /// a test case per gate (a failed gate is a &lt;failure&gt; with the numbers) and one per label (its numbers in
    /// system-out), the evaluation's ids as properties. No timestamps, so one evaluation gives one file.
    /// </summary>
    public sealed class JUnitEvaluationReport : EvaluationReport
    {
        public override string Extension => ".xml";

        public override void Write(EvaluationResult result, TextWriter writer)
        {
            // The declaration is written by hand: XmlWriter would take the encoding from a StringWriter (utf-16).
            writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            writer.Write(writer.NewLine);
            var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, CloseOutput = false };
            using (var xml = XmlWriter.Create(writer, settings))
            {
                var tests = result.Gates.Count + result.Labels.Count;
                var failures = result.Gates.Count(gate => !gate.Passed);
                xml.WriteStartElement("testsuites");
                Counts(xml, "SeeMe model evaluation", tests, failures);
                xml.WriteStartElement("testsuite");
                Counts(xml, SuiteName(result), tests, failures);
                xml.WriteAttributeString("skipped", "0");
                WriteProperties(xml, result);
                foreach (var gate in result.Gates) WriteGate(xml, gate);
                foreach (var label in result.Labels) WriteLabel(xml, label, result.IsDetection);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            writer.Write(writer.NewLine);
        }

        private static string SuiteName(EvaluationResult result) =>
            ReportText.Format("{0} on {1} ({2})", ReportText.Title(result), ReportText.Or(result.DatasetName, result.DatasetId, "dataset"), ReportText.Splits(result.Splits));

        private static void Counts(XmlWriter xml, string name, int tests, int failures)
        {
            Attribute(xml, "name", name);
            xml.WriteAttributeString("tests", ReportText.Integer(tests));
            xml.WriteAttributeString("failures", ReportText.Integer(failures));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("time", "0");
        }

        private static void WriteProperties(XmlWriter xml, EvaluationResult result)
        {
            xml.WriteStartElement("properties");
            Property(xml, "model_id", result.ModelId);
            Property(xml, "model_version_id", result.ModelVersionId);
            Property(xml, "dataset_id", result.DatasetId);
            Property(xml, "dataset_version_id", result.DatasetVersionId);
            Property(xml, "splits", ReportText.Splits(result.Splits));
            Property(xml, "application_type", result.ApplicationType);
            Property(xml, "items_evaluated", ReportText.Integer(result.ItemsEvaluated));
            Property(xml, "items_skipped", ReportText.Integer(result.ItemsSkipped));
            Property(xml, result.HeadlineMetric, ReportText.Exact(result.HeadlineValue));
            Property(xml, "macro_f1", ReportText.Exact(result.Macro.F1));
            xml.WriteEndElement();
        }

        private static void WriteGate(XmlWriter xml, GateResult gate)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "SeeMe.Evaluation.Gates");
            Attribute(xml, "name", ReportText.Format("{0}: {1} {2} {3}", gate.Name, gate.Kind == GateKind.Regression ? "drop of " + gate.Metric : gate.Metric, gate.Kind == GateKind.Regression ? "<=" : ">=", ReportText.Exact(gate.Limit)));
            xml.WriteAttributeString("time", "0");
            if (gate.Passed) Element(xml, "system-out", gate.Message);
            else
            {
                xml.WriteStartElement("failure");
                Attribute(xml, "message", gate.Message);
                xml.WriteAttributeString("type", gate.ErrorId);
                xml.WriteString(ReportText.Format("metric: {0}\nvalue: {1}\nlimit: {2}\n", gate.Metric, ReportText.Exact(gate.Value), ReportText.Exact(gate.Limit)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        private static void WriteLabel(XmlWriter xml, LabelMetrics label, bool detection)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "SeeMe.Evaluation.Labels");
            Attribute(xml, "name", "label " + label.Label);
            xml.WriteAttributeString("time", "0");
            var numbers = ReportText.Format("precision {0}, recall {1}, f1 {2}, support {3}", ReportText.Exact(label.Precision), ReportText.Exact(label.Recall), ReportText.Exact(label.F1), label.Support);
            if (detection) numbers += ReportText.Format(", ap50 {0}, ap {1}", ReportText.Exact(label.Ap50), ReportText.Exact(label.Ap));
            Element(xml, "system-out", numbers);
            xml.WriteEndElement();
        }

        private static void Property(XmlWriter xml, string name, string? value)
        {
            xml.WriteStartElement("property");
            Attribute(xml, "name", name);
            Attribute(xml, "value", value);
            xml.WriteEndElement();
        }

        private static void Element(XmlWriter xml, string name, string text)
        {
            xml.WriteStartElement(name);
            xml.WriteString(ReportText.Xml(text));
            xml.WriteEndElement();
        }

        private static void Attribute(XmlWriter xml, string name, string? value) => xml.WriteAttributeString(name, ReportText.Xml(value));
    }
}
