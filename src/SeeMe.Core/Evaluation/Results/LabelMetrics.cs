namespace SeeMe.Core.Evaluation
{
    /// <summary>The numbers of one label (for detection: at the confidence threshold, plus its AP over all scores).</summary>
    public sealed class LabelMetrics
    {
        public string Label { get; set; } = "";
        public double Precision { get; set; }
        public double Recall { get; set; }
        public double F1 { get; set; }

        /// <summary>True items (classification) or true boxes (detection) of the label.</summary>
        public int Support { get; set; }

        /// <summary>Items predicted as the label, or detections of it at or above the confidence threshold.</summary>
        public int Predicted { get; set; }

        public int TruePositives { get; set; }

        /// <summary>COCO AP at IoU 0.50; null for classification and for a label without true boxes (COCO's -1).</summary>
        public double? Ap50 { get; set; }

        /// <summary>COCO AP averaged over IoU 0.50:0.05:0.95; null as <see cref="Ap50"/>.</summary>
        public double? Ap { get; set; }

        /// <summary>"red: f1 0.9, precision 1, recall 0.8181, support 11", as a list view of the result shows it.</summary>
        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}: f1 {1:0.####}, precision {2:0.####}, recall {3:0.####}, support {4}", Label, F1, Precision, Recall, Support);
    }
}
