using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// Every number for scripts, with the snake_case keys of issue 15 and "schema": 1. Keys that only mean something
    /// for detection (confidence_threshold, map50, map, ap50, ap, the boxes) are written for detection only; images
    /// and inputs never are.
    /// </summary>
    public sealed class JsonEvaluationReport : EvaluationReport
    {
        public const int Schema = 1;

        public override string Extension => ".json";

        public override void Write(EvaluationResult result, TextWriter writer)
        {
            var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false, Culture = System.Globalization.CultureInfo.InvariantCulture };
            json.WriteStartObject();
            Property(json, "schema", Schema);
            WriteIdentity(json, result);
            WriteHeadline(json, result);
            WriteMetrics(json, result);
            json.WritePropertyName("gates");
            JsonReportParts.Gates(json, result.Gates);
            json.WritePropertyName("baseline");
            JsonReportParts.Baseline(json, result.Baseline);
            json.WritePropertyName("items");
            JsonReportParts.Items(json, result);
            json.WriteEndObject();
            json.Flush();
        }

        private static void WriteIdentity(JsonWriter json, EvaluationResult result)
        {
            Property(json, "model_id", result.ModelId);
            Property(json, "model_name", result.ModelName);
            Property(json, "model_version_id", result.ModelVersionId);
            Property(json, "model_version_name", result.ModelVersionName);
            Property(json, "dataset_id", result.DatasetId);
            Property(json, "dataset_name", result.DatasetName);
            Property(json, "dataset_version_id", result.DatasetVersionId);
            Property(json, "dataset_version_name", result.DatasetVersionName);
            json.WritePropertyName("splits");
            Strings(json, result.Splits);
            Property(json, "application_type", result.ApplicationType);
        }

        private static void WriteHeadline(JsonWriter json, EvaluationResult result)
        {
            Property(json, "headline_metric", result.HeadlineMetric);
            Property(json, "headline_value", result.HeadlineValue);
            Property(json, "passed", result.Passed);
            Property(json, "items_evaluated", result.ItemsEvaluated);
            Property(json, "items_skipped", result.ItemsSkipped);
            if (result.IsDetection) Property(json, "confidence_threshold", result.ConfidenceThreshold);
        }

        private static void WriteMetrics(JsonWriter json, EvaluationResult result)
        {
            Property(json, "accuracy", result.Accuracy);
            JsonReportParts.Average(json, "macro", result.Macro);
            JsonReportParts.Average(json, "weighted", result.Weighted);
            if (result.IsDetection)
            {
                Property(json, "map50", result.Map50);
                Property(json, "map", result.Map);
            }
            json.WritePropertyName("labels");
            JsonReportParts.Labels(json, result.Labels, result.IsDetection);
            json.WritePropertyName("confusion_matrix");
            JsonReportParts.Confusion(json, result.ConfusionMatrix);
        }

        internal static void Property(JsonWriter json, string name, object? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        internal static void Strings(JsonWriter json, IEnumerable<string>? values)
        {
            json.WriteStartArray();
            foreach (var value in values ?? new string[0]) json.WriteValue(value);
            json.WriteEndArray();
        }
    }
}
