namespace SeeMe.Tests.Evaluation;

/// <summary>
/// An independent reference for classification: scikit-learn's accuracy_score, confusion_matrix(labels=) and
/// precision_recall_fscore_support(labels=, zero_division=0) transliterated step by step (the label encoder over
/// the union of labels, bincounts, selection of the given labels, _prf_divide, _nanaverage). Shares no code with
/// SeeMe.Core.Evaluation.
/// </summary>
internal static class SklearnReference
{
    public static double AccuracyScore(string[] yTrue, string[] yPred) =>
        yTrue.Zip(yPred, (t, p) => t == p ? 1.0 : 0.0).Average();

    public static int[,] ConfusionMatrix(string[] yTrue, string[] yPred, string[] labels)
    {
        var n = labels.Length;
        var labelToInd = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        var cm = new int[n, n];
        for (var s = 0; s < yTrue.Length; s++)
        {
            var t = labelToInd.TryGetValue(yTrue[s], out var ti) ? ti : n + 1;
            var p = labelToInd.TryGetValue(yPred[s], out var pi) ? pi : n + 1;
            if (t < n && p < n) cm[t, p] += 1;   // ind = logical_and(y_pred < n_labels, y_true < n_labels)
        }
        return cm;
    }

    /// <summary>(precision, recall, f1, support) per given label, and the macro and weighted averages.</summary>
    public static (double[] P, double[] R, double[] F, int[] Support, double[] Macro, double[] Weighted) PrecisionRecallFscoreSupport(string[] yTrue, string[] yPred, string[] labels)
    {
        // multilabel_confusion_matrix: labels = hstack([labels, setdiff1d(present_labels, labels)]); LabelEncoder sorts them
        var present = yTrue.Concat(yPred).Distinct().OrderBy(x => x, StringComparer.Ordinal);
        var all = labels.Concat(present.Except(labels)).ToArray();
        var sortedLabels = all.OrderBy(x => x, StringComparer.Ordinal).ToArray();
        int Transform(string y) => Array.BinarySearch(sortedLabels, y, StringComparer.Ordinal);
        var tpSum = new double[all.Length]; var predSum = new double[all.Length]; var trueSum = new double[all.Length];
        for (var s = 0; s < yTrue.Length; s++)
        {
            int t = Transform(yTrue[s]), p = Transform(yPred[s]);
            if (t == p) tpSum[t] += 1;
            predSum[p] += 1;
            trueSum[t] += 1;
        }
        var indices = labels.Select(Transform).ToArray();   // searchsorted(sorted_labels, labels[:n_labels])
        var tp = indices.Select(i => tpSum[i]).ToArray();
        var pred = indices.Select(i => predSum[i]).ToArray();
        var tru = indices.Select(i => trueSum[i]).ToArray();

        var precision = PrfDivide(tp, pred);
        var recall = PrfDivide(tp, tru);
        var beta2 = 1.0;
        var fScore = PrfDivide(tp.Select(x => (1 + beta2) * x).ToArray(), tru.Select((x, i) => beta2 * x + pred[i]).ToArray());
        double[] Averages(double[] weights) => [NanAverage(precision, weights), NanAverage(recall, weights), NanAverage(fScore, weights)];
        return (precision, recall, fScore, tru.Select(x => (int)x).ToArray(), Averages(null!), Averages(tru));
    }

    /// <summary>_prf_divide with zero_division=0: the result is 0 where the denominator is 0.</summary>
    static double[] PrfDivide(double[] numerator, double[] denominator) =>
        numerator.Select((x, i) => denominator[i] == 0 ? 0 : x / denominator[i]).ToArray();

    /// <summary>_nanaverage: np.average(a, weights), a plain mean when the weights sum to 0 (the ZeroDivisionError branch).</summary>
    static double NanAverage(double[] a, double[]? weights)
    {
        if (a.Length == 0) return double.NaN;
        if (weights == null || weights.Sum() == 0) return a.Average();
        return a.Select((x, i) => x * weights[i]).Sum() / weights.Sum();
    }
}
