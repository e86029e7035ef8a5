namespace SeeMe.Core.Evaluation
{
    /// <summary>Precision, recall and F1 averaged over the labels (macro: plain mean; weighted: by support).</summary>
    public sealed class AverageMetrics
    {
        public double Precision { get; set; }
        public double Recall { get; set; }
        public double F1 { get; set; }

        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "precision {0:0.####}, recall {1:0.####}, f1 {2:0.####}", Precision, Recall, F1);
    }
}
