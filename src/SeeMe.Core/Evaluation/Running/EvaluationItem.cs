using System;
using System.Collections.Generic;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Evaluation
{
    /// <summary>A dataset item to evaluate, with its truth: its label (classification) or its boxes (object detection).</summary>
    public sealed class EvaluationItem
    {
        internal EvaluationItem(DatasetItem item, string? trueLabel, IReadOnlyList<DetectionBox> trueBoxes)
        {
            Item = item;
            TrueLabel = trueLabel;
            TrueBoxes = trueBoxes;
        }

        public DatasetItem Item { get; }

        /// <summary>Classification: the item's label (a dataset label name); null for detection.</summary>
        public string? TrueLabel { get; }

        /// <summary>Object detection: the item's boxes, relative to the image (0 to 1); empty for classification.</summary>
        public IReadOnlyList<DetectionBox> TrueBoxes { get; }

        public override string ToString() => string.IsNullOrEmpty(Item.Name) ? Item.Id : Item.Name;

        /// <summary>An item as messages name it: 'name' (id), or (id) when it has no name.</summary>
        internal static string Describe(DatasetItem item) => string.IsNullOrEmpty(item.Name) ? $"({item.Id})" : $"'{item.Name}' ({item.Id})";
    }

    /// <summary>What one item gave: its predictions by the evaluated version and, with a baseline, by the baseline.</summary>
    public sealed class ItemOutcome
    {
        internal ItemOutcome(EvaluationItem item, Prediction candidate, Prediction? baseline, object candidateOutcome, object? baselineOutcome)
        {
            Item = item;
            Candidate = candidate;
            Baseline = baseline;
            CandidateOutcome = candidateOutcome;
            BaselineOutcome = baselineOutcome;
        }

        public EvaluationItem Item { get; }
        public Prediction Candidate { get; }
        public Prediction? Baseline { get; }

        /// <summary>A <see cref="ClassificationOutcome"/> or a <see cref="DetectionOutcome"/>.</summary>
        internal object CandidateOutcome { get; }
        internal object? BaselineOutcome { get; }
    }
}
