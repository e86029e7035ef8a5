using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// Counts with rows the true label and columns the predicted one. For detection the last row and
    /// column are <see cref="BackgroundLabel"/> (<see cref="HasBackground"/>): a missed true box counts in
    /// its label's row under background, a detection that matches no true box in background's row.
    /// </summary>
    public sealed class ConfusionMatrix
    {
        public const string BackgroundLabel = "(background)";

        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        public int[][] Counts { get; set; } = Array.Empty<int[]>();

        public bool HasBackground { get; set; }

        /// <summary>
        /// Classification only, per row: items of that true label whose prediction is none of the labels
        /// (such pairs are left out of <see cref="Counts"/>, as scikit-learn's confusion_matrix with labels= does).
        /// </summary>
        public int[]? UnlistedPredictions { get; set; }

        /// <summary>"3x3: red, green, blue", as a list view of the result shows it.</summary>
        public override string ToString() => $"{Labels.Count}x{Labels.Count}: {string.Join(", ", Labels)}";
    }
}
