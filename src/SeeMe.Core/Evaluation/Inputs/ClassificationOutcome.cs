namespace SeeMe.Core.Evaluation
{
    /// <summary>One classified item: its true label beside what the model predicted for it.</summary>
    public sealed class ClassificationOutcome
    {
        public string ItemId { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>The item's label. An outcome without one (null or empty) is skipped and counted in ItemsSkipped.</summary>
        public string? TrueLabel { get; set; }

        /// <summary>The model's best class, already mapped to a dataset label name. Null or a name outside the labels is a wrong prediction.</summary>
        public string? PredictedLabel { get; set; }

        public double Confidence { get; set; }

        /// <summary>What was predicted: the file name, or the text. Optional; shown in the HTML report, never in the JSON.</summary>
        public string? Input { get; set; }

        /// <summary>The item's image for the HTML report's thumbnails. Optional; never written to JSON.</summary>
        public byte[]? Image { get; set; }

        /// <summary>Optional: the report recognises PNG, JPEG, GIF, WebP and BMP by their bytes and ignores a content type that disagrees.</summary>
        public string? ImageContentType { get; set; }
    }
}
