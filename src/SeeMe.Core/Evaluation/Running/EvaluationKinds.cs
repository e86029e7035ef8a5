using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SeeMe.Core.Entities;
using SeeMe.Core.Http;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Why items of the chosen splits were left out before predicting.</summary>
    internal sealed class SkippedItems
    {
        public int Unlabelled { get; set; }
        public int MultiLabelled { get; set; }
        public int Total => Unlabelled + MultiLabelled;
    }

    /// <summary>
    /// Classification or object detection: how an item's truth is read from its annotations, how a prediction becomes
    /// an outcome, and which evaluation the outcomes go to.
    /// </summary>
    internal abstract class EvaluationKind
    {
        public static EvaluationKind For(string applicationType) =>
            ModelEvaluation.IsDetection(applicationType) ? (EvaluationKind)new DetectionKind() : new ClassificationKind();

        /// <summary>The item with its truth, or null when it cannot be evaluated (counted in <paramref name="skipped"/>).</summary>
        public abstract EvaluationItem? Read(DatasetItem item, IReadOnlyDictionary<string, string> labelNames, SkippedItems skipped);

        /// <summary>The item's outcome; <paramref name="image"/> is kept on it for the HTML report when given.</summary>
        public abstract object Outcome(EvaluationItem item, Prediction prediction, LabelMatch labels, string input, DownloadedContent? image);

        public abstract EvaluationResult Evaluate(IReadOnlyList<string> labels, IEnumerable<object> outcomes, double confidenceThreshold, EvaluationContext context);

        protected static string LabelName(IReadOnlyDictionary<string, string> labelNames, Annotation annotation) =>
            labelNames.TryGetValue(annotation.LabelId, out var name) ? name : annotation.LabelId;

        private sealed class ClassificationKind : EvaluationKind
        {
            /// <summary>The one label of the item's class annotations (those without coordinates); none or several: skipped.</summary>
            public override EvaluationItem? Read(DatasetItem item, IReadOnlyDictionary<string, string> labelNames, SkippedItems skipped)
            {
                var labels = item.Annotations.Where(a => string.IsNullOrWhiteSpace(a.Coordinates))
                    .Select(a => LabelName(labelNames, a)).Distinct(StringComparer.Ordinal).ToList();
                if (labels.Count == 1) return new EvaluationItem(item, labels[0], Array.Empty<DetectionBox>());
                if (labels.Count == 0) skipped.Unlabelled++;
                else skipped.MultiLabelled++;
                return null;
            }

            /// <summary>The outcome, with the image only when the prediction is wrong (the report pictures the wrong items).</summary>
            public override object Outcome(EvaluationItem item, Prediction prediction, LabelMatch labels, string input, DownloadedContent? image)
            {
                var predicted = string.IsNullOrEmpty(prediction.Label) ? null : labels.ToDatasetLabel(prediction.Label);
                var kept = predicted == item.TrueLabel ? null : image;
                return new ClassificationOutcome
                {
                    ItemId = item.Item.Id,
                    Name = item.Item.Name,
                    TrueLabel = item.TrueLabel,
                    PredictedLabel = predicted,
                    Confidence = prediction.Confidence,
                    Input = input,
                    Image = kept?.Bytes,
                    ImageContentType = kept?.ContentType,
                };
            }

            public override EvaluationResult Evaluate(IReadOnlyList<string> labels, IEnumerable<object> outcomes, double confidenceThreshold, EvaluationContext context) =>
                ModelEvaluation.Classification(labels, outcomes.Cast<ClassificationOutcome>().ToList(), context);
        }

        private sealed class DetectionKind : EvaluationKind
        {
            /// <summary>Every box of the item (annotations with coordinates); an item without boxes is evaluated too.</summary>
            public override EvaluationItem? Read(DatasetItem item, IReadOnlyDictionary<string, string> labelNames, SkippedItems skipped)
            {
                var boxes = item.Annotations.Where(a => !string.IsNullOrWhiteSpace(a.Coordinates))
                    .Select(a => YoloBox(LabelName(labelNames, a), a.Coordinates, 1, item)).ToList();
                return new EvaluationItem(item, null, boxes);
            }

            public override object Outcome(EvaluationItem item, Prediction prediction, LabelMatch labels, string input, DownloadedContent? image) => new DetectionOutcome
            {
                ItemId = item.Item.Id,
                Name = item.Item.Name,
                TrueBoxes = item.TrueBoxes,
                PredictedBoxes = prediction.Items.Where(p => !string.IsNullOrWhiteSpace(p.Coordinates))
                    .Select(p => YoloBox(labels.ToDatasetLabel(p.Label), p.Coordinates, p.Confidence, item.Item)).ToList(),
                Image = image?.Bytes,
                ImageContentType = image?.ContentType,
            };

            public override EvaluationResult Evaluate(IReadOnlyList<string> labels, IEnumerable<object> outcomes, double confidenceThreshold, EvaluationContext context) =>
                ModelEvaluation.Detection(labels, outcomes.Cast<DetectionOutcome>().ToList(), confidenceThreshold, context);

            /// <summary>A YOLO box "x_center y_center width height" (relative) as a COCO box: top-left corner, width, height (relative).</summary>
            private static DetectionBox YoloBox(string label, string coordinates, double score, DatasetItem item)
            {
                var numbers = coordinates.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    .Select(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
                if (numbers.Length != 4 || numbers.Any(double.IsNaN))
                    throw new System.IO.InvalidDataException($"A box of the item {EvaluationItem.Describe(item)} has the coordinates '{coordinates}', not \"x_center y_center width height\".");
                double centerX = numbers[0], centerY = numbers[1], width = numbers[2], height = numbers[3];
                return new DetectionBox(label, centerX - width / 2, centerY - height / 2, width, height, score);
            }
        }
    }
}
