using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Counts the (true, predicted) pairs once and derives every classification number from the counts.</summary>
    internal static class ClassificationEvaluator
    {
        public static void Evaluate(LabelIndex labels, IEnumerable<ClassificationOutcome> outcomes, EvaluationResult result)
        {
            var tally = new ClassificationTally(labels.Count);
            var items = new List<EvaluatedItem>();
            foreach (var outcome in outcomes)
            {
                if (outcome == null) throw new ArgumentException("An outcome is null.", nameof(outcomes));
                if (string.IsNullOrEmpty(outcome.TrueLabel)) { result.ItemsSkipped++; continue; }
                var correct = string.Equals(outcome.TrueLabel, outcome.PredictedLabel, StringComparison.Ordinal);
                tally.Add(labels.Find(outcome.TrueLabel), labels.Find(outcome.PredictedLabel), correct);
                items.Add(Item(outcome, correct));
            }

            result.ItemsEvaluated = items.Count;
            result.Items = items;
            result.Accuracy = items.Count == 0 ? (double?)null : (double)tally.Correct / items.Count;
            result.Labels = tally.LabelMetrics(labels);
            result.Macro = LabelScores.Macro(result.Labels);
            result.Weighted = LabelScores.Weighted(result.Labels);
            result.ConfusionMatrix = new ConfusionMatrix { Labels = labels.Names, Counts = tally.Counts, UnlistedPredictions = tally.Unlisted };
        }

        private static EvaluatedItem Item(ClassificationOutcome outcome, bool correct) => new EvaluatedItem
        {
            ItemId = outcome.ItemId,
            Name = outcome.Name,
            True = outcome.TrueLabel ?? "",
            Predicted = outcome.PredictedLabel ?? "",
            Confidence = outcome.Confidence,
            Correct = correct,
            Input = outcome.Input,
            Image = outcome.Image,
            ImageContentType = outcome.ImageContentType,
        };
    }
}
