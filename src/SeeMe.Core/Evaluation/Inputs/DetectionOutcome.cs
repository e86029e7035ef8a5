using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>One image of an object-detection evaluation: its true boxes beside the predicted ones.</summary>
    public sealed class DetectionOutcome
    {
        public string ItemId { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>The ground truth; an image without boxes contributes only false positives.</summary>
        public IReadOnlyList<DetectionBox> TrueBoxes { get; set; } = Array.Empty<DetectionBox>();

        /// <summary>Every predicted box with its score (the evaluation applies the confidence threshold itself).</summary>
        public IReadOnlyList<DetectionBox> PredictedBoxes { get; set; } = Array.Empty<DetectionBox>();

        /// <summary>The image, for the HTML report's drawings. Optional; never written to JSON.</summary>
        public byte[]? Image { get; set; }

        public string? ImageContentType { get; set; }

        /// <summary>The image's size in pixels, for drawing (0 when unknown).</summary>
        public int ImageWidth { get; set; }

        public int ImageHeight { get; set; }
    }
}
