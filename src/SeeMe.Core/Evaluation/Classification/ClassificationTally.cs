using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The counts behind classification metrics; a position of -1 is a label outside the list.</summary>
    internal sealed class ClassificationTally
    {
        private readonly int[] _truePositives;
        private readonly int[] _predicted;
        private readonly int[] _support;

        public ClassificationTally(int labelCount)
        {
            _truePositives = new int[labelCount];
            _predicted = new int[labelCount];
            _support = new int[labelCount];
            Unlisted = new int[labelCount];
            Counts = new int[labelCount][];
            for (var i = 0; i < labelCount; i++) Counts[i] = new int[labelCount];
        }

        public int Correct { get; private set; }

        /// <summary>Rows true, columns predicted; only pairs with both labels listed.</summary>
        public int[][] Counts { get; }

        /// <summary>Per true label: predictions that are none of the labels.</summary>
        public int[] Unlisted { get; }

        public void Add(int truePosition, int predictedPosition, bool correct)
        {
            if (correct) Correct++;
            if (predictedPosition >= 0) _predicted[predictedPosition]++;
            if (truePosition < 0) return;
            _support[truePosition]++;
            if (predictedPosition < 0) { Unlisted[truePosition]++; return; }
            Counts[truePosition][predictedPosition]++;
            if (predictedPosition == truePosition) _truePositives[truePosition]++;
        }

        public IReadOnlyList<LabelMetrics> LabelMetrics(LabelIndex labels)
        {
            var metrics = new LabelMetrics[labels.Count];
            for (var i = 0; i < labels.Count; i++)
                metrics[i] = LabelScores.Score(labels.Names[i], _truePositives[i], _predicted[i], _support[i]);
            return metrics;
        }
    }
}
