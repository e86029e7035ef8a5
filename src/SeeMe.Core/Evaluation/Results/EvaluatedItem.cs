using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// One item's result. For detection <see cref="True"/> and <see cref="Predicted"/> are the distinct labels of
    /// the true boxes and of the detections at or above the confidence threshold, in order of first appearance,
    /// joined by ", "; the boxes themselves are in <see cref="TrueBoxes"/> and <see cref="PredictedBoxes"/>.
    /// </summary>
    public sealed class EvaluatedItem
    {
        public string ItemId { get; set; } = "";
        public string Name { get; set; } = "";
        public string True { get; set; } = "";
        public string Predicted { get; set; } = "";

        /// <summary>The prediction's confidence; for detection the highest score at or above the threshold (null when none).</summary>
        public double? Confidence { get; set; }

        /// <summary>Classification: predicted equals true. Detection: every true box found and no false detection at the threshold.</summary>
        public bool Correct { get; set; }

        /// <summary>The file name or the text that was predicted (not written to JSON).</summary>
        public string? Input { get; set; }

        public IReadOnlyList<DetectionBox>? TrueBoxes { get; set; }

        /// <summary>Every predicted box, with its score (also those under the threshold).</summary>
        public IReadOnlyList<DetectionBox>? PredictedBoxes { get; set; }

        /// <summary>Detection at the threshold: matched detections, unmatched detections, missed true boxes.</summary>
        public int? TruePositives { get; set; }
        public int? FalsePositives { get; set; }
        public int? FalseNegatives { get; set; }

        public byte[]? Image { get; set; }
        public string? ImageContentType { get; set; }
        public int ImageWidth { get; set; }
        public int ImageHeight { get; set; }
    }
}
