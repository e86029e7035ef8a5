using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>One image's boxes grouped by label position, in their given order; boxes of unlisted labels are left out.</summary>
    internal sealed class ImageBoxes
    {
        private ImageBoxes(DetectionOutcome outcome, List<DetectionBox>[] truths, List<DetectionBox>[] detections)
        {
            Outcome = outcome;
            Truths = truths;
            Detections = detections;
        }

        public DetectionOutcome Outcome { get; }

        /// <summary>[label]: the true boxes.</summary>
        public List<DetectionBox>[] Truths { get; }

        /// <summary>[label]: every predicted box, whatever its score.</summary>
        public List<DetectionBox>[] Detections { get; }

        public static ImageBoxes Group(DetectionOutcome outcome, LabelIndex labels)
        {
            if (outcome == null) throw new ArgumentException("An outcome is null.");
            return new ImageBoxes(outcome, ByLabel(outcome.TrueBoxes, labels, outcome), ByLabel(outcome.PredictedBoxes, labels, outcome));
        }

        private static List<DetectionBox>[] ByLabel(IReadOnlyList<DetectionBox>? boxes, LabelIndex labels, DetectionOutcome outcome)
        {
            var groups = new List<DetectionBox>[labels.Count];
            for (var i = 0; i < groups.Length; i++) groups[i] = new List<DetectionBox>();
            foreach (var box in boxes ?? Array.Empty<DetectionBox>())
            {
                Check(box, outcome);
                var position = labels.Find(box.Label);
                if (position >= 0) groups[position].Add(box);
            }
            return groups;
        }

        private static void Check(DetectionBox box, DetectionOutcome outcome)
        {
            if (box == null) throw new ArgumentException($"Item '{outcome.Name}' ({outcome.ItemId}) has a null box.");
            if (!IsFinite(box.X) || !IsFinite(box.Y) || !IsFinite(box.Width) || !IsFinite(box.Height) || !IsFinite(box.Score))
                throw new ArgumentException($"Item '{outcome.Name}' ({outcome.ItemId}) has a box with a coordinate or score that is not a finite number: {box}.");
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
