namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// COCOeval's matching at one IoU threshold: each detection, best score first, takes the unmatched true box
    /// it overlaps most (at least the threshold; on equal IoU the later box). Ignored true boxes come last and
    /// are taken only when no regular one matches.
    /// </summary>
    internal static class GreedyMatcher
    {
        /// <summary>For each detection (sorted by score) the index of its true box, or -1.</summary>
        public static int[] Match(double[,] ious, bool[] truthIgnored, double threshold)
        {
            var detectionCount = ious.GetLength(0);
            var truthCount = ious.GetLength(1);
            var matches = new int[detectionCount];
            var truthTaken = new bool[truthCount];
            for (var d = 0; d < detectionCount; d++)
            {
                matches[d] = BestTruth(ious, d, truthIgnored, truthTaken, threshold);
                if (matches[d] >= 0) truthTaken[matches[d]] = true;
            }
            return matches;
        }

        private static int BestTruth(double[,] ious, int d, bool[] truthIgnored, bool[] truthTaken, double threshold)
        {
            var best = threshold < CocoParameters.IouCeiling ? threshold : CocoParameters.IouCeiling;
            var match = -1;
            for (var g = 0; g < truthTaken.Length; g++)
            {
                if (truthTaken[g]) continue;
                if (match > -1 && !truthIgnored[match] && truthIgnored[g]) break;
                if (ious[d, g] < best) continue;
                best = ious[d, g];
                match = g;
            }
            return match;
        }
    }
}
