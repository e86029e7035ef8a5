using System;
using System.Collections.Generic;

namespace SeeMe.Core.Evaluation
{
    /// <summary>The evaluation's labels in their given order, looked up by ordinal name.</summary>
    internal sealed class LabelIndex
    {
        private readonly Dictionary<string, int> _positions;

        private LabelIndex(IReadOnlyList<string> names, Dictionary<string, int> positions)
        {
            Names = names;
            _positions = positions;
        }

        public IReadOnlyList<string> Names { get; }

        public int Count => Names.Count;

        /// <summary>The label's position, or -1 for null or a name outside the list.</summary>
        public int Find(string? name) => name != null && _positions.TryGetValue(name, out var position) ? position : -1;

        public static LabelIndex Create(IReadOnlyList<string> labels)
        {
            if (labels == null) throw new ArgumentNullException(nameof(labels));
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new string[labels.Count];
            for (var i = 0; i < labels.Count; i++)
            {
                var name = labels[i];
                if (string.IsNullOrEmpty(name)) throw new ArgumentException($"Label {i} has no name.", nameof(labels));
                if (positions.ContainsKey(name)) throw new ArgumentException($"The label '{name}' is listed twice.", nameof(labels));
                positions.Add(name, i);
                names[i] = name;
            }
            return new LabelIndex(names, positions);
        }
    }
}
