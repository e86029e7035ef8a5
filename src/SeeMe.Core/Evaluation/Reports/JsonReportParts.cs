using System.Collections.Generic;
using Newtonsoft.Json;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The nested objects of the JSON report.</summary>
    internal static class JsonReportParts
    {
        public static void Average(JsonWriter json, string name, AverageMetrics average)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
            JsonEvaluationReport.Property(json, "precision", average.Precision);
            JsonEvaluationReport.Property(json, "recall", average.Recall);
            JsonEvaluationReport.Property(json, "f1", average.F1);
            json.WriteEndObject();
        }

        public static void Labels(JsonWriter json, IReadOnlyList<LabelMetrics> labels, bool detection)
        {
            json.WriteStartArray();
            foreach (var label in labels)
            {
                json.WriteStartObject();
                JsonEvaluationReport.Property(json, "label", label.Label);
                JsonEvaluationReport.Property(json, "precision", label.Precision);
                JsonEvaluationReport.Property(json, "recall", label.Recall);
                JsonEvaluationReport.Property(json, "f1", label.F1);
                JsonEvaluationReport.Property(json, "support", label.Support);
                JsonEvaluationReport.Property(json, "predicted", label.Predicted);
                JsonEvaluationReport.Property(json, "true_positives", label.TruePositives);
                if (detection)
                {
                    JsonEvaluationReport.Property(json, "ap50", label.Ap50);
                    JsonEvaluationReport.Property(json, "ap", label.Ap);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        public static void Confusion(JsonWriter json, ConfusionMatrix matrix)
        {
            json.WriteStartObject();
            json.WritePropertyName("labels");
            JsonEvaluationReport.Strings(json, matrix.Labels);
            json.WritePropertyName("counts");
            json.WriteStartArray();
            foreach (var row in matrix.Counts) Integers(json, row);
            json.WriteEndArray();
            JsonEvaluationReport.Property(json, "background", matrix.HasBackground);
            if (matrix.UnlistedPredictions != null)
            {
                json.WritePropertyName("unlisted_predictions");
                Integers(json, matrix.UnlistedPredictions);
            }
            json.WriteEndObject();
        }

        public static void Gates(JsonWriter json, IReadOnlyList<GateResult> gates)
        {
            json.WriteStartArray();
            foreach (var gate in gates)
            {
                json.WriteStartObject();
                JsonEvaluationReport.Property(json, "name", gate.Name);
                JsonEvaluationReport.Property(json, "metric", gate.Metric);
                JsonEvaluationReport.Property(json, "kind", gate.Kind == GateKind.Regression ? "regression" : "threshold");
                JsonEvaluationReport.Property(json, "value", gate.Value);
                JsonEvaluationReport.Property(json, "limit", gate.Limit);
                JsonEvaluationReport.Property(json, "passed", gate.Passed);
                JsonEvaluationReport.Property(json, "error_id", gate.Passed ? null : gate.ErrorId);
                JsonEvaluationReport.Property(json, "message", gate.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        public static void Baseline(JsonWriter json, BaselineComparison? baseline)
        {
            if (baseline == null) { json.WriteNull(); return; }
            json.WriteStartObject();
            JsonEvaluationReport.Property(json, "model_id", baseline.ModelId);
            JsonEvaluationReport.Property(json, "model_version_id", baseline.ModelVersionId);
            JsonEvaluationReport.Property(json, "model_version_name", baseline.ModelVersionName);
            JsonEvaluationReport.Property(json, "items_evaluated", baseline.ItemsEvaluated);
            JsonEvaluationReport.Property(json, "headline_metric", baseline.HeadlineMetric);
            JsonEvaluationReport.Property(json, "headline_value", baseline.HeadlineValue);
            JsonEvaluationReport.Property(json, "accuracy", baseline.Accuracy);
            JsonEvaluationReport.Property(json, "macro_f1", baseline.MacroF1);
            JsonEvaluationReport.Property(json, "map50", baseline.Map50);
            JsonEvaluationReport.Property(json, "map", baseline.Map);
            json.WritePropertyName("deltas");
            json.WriteStartObject();
            JsonEvaluationReport.Property(json, "headline", baseline.HeadlineDelta);
            JsonEvaluationReport.Property(json, "accuracy", baseline.AccuracyDelta);
            JsonEvaluationReport.Property(json, "macro_f1", baseline.MacroF1Delta);
            JsonEvaluationReport.Property(json, "map50", baseline.Map50Delta);
            JsonEvaluationReport.Property(json, "map", baseline.MapDelta);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        public static void Items(JsonWriter json, EvaluationResult result)
        {
            json.WriteStartArray();
            foreach (var item in result.Items)
            {
                json.WriteStartObject();
                JsonEvaluationReport.Property(json, "item_id", item.ItemId);
                JsonEvaluationReport.Property(json, "name", item.Name);
                JsonEvaluationReport.Property(json, "true", item.True);
                JsonEvaluationReport.Property(json, "predicted", item.Predicted);
                JsonEvaluationReport.Property(json, "confidence", item.Confidence);
                JsonEvaluationReport.Property(json, "correct", item.Correct);
                if (result.IsDetection) DetectionDetails(json, item);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static void DetectionDetails(JsonWriter json, EvaluatedItem item)
        {
            JsonEvaluationReport.Property(json, "true_positives", item.TruePositives);
            JsonEvaluationReport.Property(json, "false_positives", item.FalsePositives);
            JsonEvaluationReport.Property(json, "false_negatives", item.FalseNegatives);
            json.WritePropertyName("true_boxes");
            Boxes(json, item.TrueBoxes, withScore: false);
            json.WritePropertyName("predicted_boxes");
            Boxes(json, item.PredictedBoxes, withScore: true);
        }

        private static void Boxes(JsonWriter json, IReadOnlyList<DetectionBox>? boxes, bool withScore)
        {
            json.WriteStartArray();
            foreach (var box in boxes ?? new DetectionBox[0])
            {
                json.WriteStartObject();
                JsonEvaluationReport.Property(json, "label", box.Label);
                JsonEvaluationReport.Property(json, "x", box.X);
                JsonEvaluationReport.Property(json, "y", box.Y);
                JsonEvaluationReport.Property(json, "width", box.Width);
                JsonEvaluationReport.Property(json, "height", box.Height);
                if (withScore) JsonEvaluationReport.Property(json, "score", box.Score);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static void Integers(JsonWriter json, IEnumerable<int> values)
        {
            json.WriteStartArray();
            foreach (var value in values) json.WriteValue(value);
            json.WriteEndArray();
        }
    }
}
