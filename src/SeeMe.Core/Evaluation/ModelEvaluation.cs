using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// Computes an evaluation from outcomes already predicted. Classification equals scikit-learn's
    /// classification_report / confusion_matrix (zero_division=0, labels= the given list); detection AP equals
    /// pycocotools' COCOeval for bbox. Labels are compared by ordinal (case-sensitive) name.
    /// </summary>
    public static class ModelEvaluation
    {
        public const double DefaultConfidenceThreshold = 0.5;

        /// <summary>Whether an application type is evaluated as object detection (boxes) rather than classification.</summary>
        public static bool IsDetection(string? applicationType) =>
            string.Equals(applicationType, Entities.ApplicationTypes.ObjectDetection, StringComparison.Ordinal);

        /// <summary>
        /// Classification metrics over the outcomes with a true label (the others are skipped and counted).
        /// A prediction outside <paramref name="labels"/> (or none) is wrong: it lowers accuracy and its true label's
        /// recall, and is left out of the confusion matrix (counted in its UnlistedPredictions), exactly as
        /// scikit-learn does with labels= given. A true label outside the list counts only in accuracy and in the
        /// predicted label's precision.
        /// </summary>
        public static EvaluationResult Classification(IReadOnlyList<string> labels, IEnumerable<ClassificationOutcome> outcomes, EvaluationContext context)
        {
            var labelIndex = LabelIndex.Create(labels);
            if (outcomes == null) throw new ArgumentNullException(nameof(outcomes));
            var result = NewResult(context, detection: false);
            ClassificationEvaluator.Evaluate(labelIndex, outcomes, result);
            return result;
        }

        /// <summary>
        /// Object-detection metrics: COCO AP per label (all scores, at most 100 detections per image and label) and
        /// precision, recall, F1 and the confusion matrix at <paramref name="confidenceThreshold"/>. Boxes whose label
        /// is not in <paramref name="labels"/> are left out, as COCOeval leaves out categories it does not know. Image
        /// ids are the outcomes' 1-based positions, so ties in score across images break in the order given.
        /// </summary>
        public static EvaluationResult Detection(IReadOnlyList<string> labels, IEnumerable<DetectionOutcome> outcomes, double confidenceThreshold, EvaluationContext context)
        {
            var labelIndex = LabelIndex.Create(labels);
            if (outcomes == null) throw new ArgumentNullException(nameof(outcomes));
            if (double.IsNaN(confidenceThreshold) || double.IsInfinity(confidenceThreshold)) throw new ArgumentException("The confidence threshold must be a finite number.", nameof(confidenceThreshold));
            var result = NewResult(context, detection: true);
            result.ConfidenceThreshold = confidenceThreshold;
            DetectionEvaluator.Evaluate(labelIndex, outcomes, confidenceThreshold, result);
            return result;
        }

        private static EvaluationResult NewResult(EvaluationContext context, bool detection) =>
            new EvaluationResult(context ?? throw new ArgumentNullException(nameof(context)), detection);
    }
}
