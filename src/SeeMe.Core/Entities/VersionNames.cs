using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Entities
{
    /// <summary>
    /// The names of a dataset version's labels and splits by id: puts them next to the ids that items,
    /// annotations and label statistics carry (the wire sends only the ids). A name already known is kept
    /// when the id is not among these labels or splits.
    /// </summary>
    public sealed class VersionNames
    {
        private readonly Dictionary<string, string> _labels;
        private readonly Dictionary<string, string> _splits;

        public VersionNames(IEnumerable<DatasetLabel> labels, IEnumerable<DatasetSplit> splits)
        {
            _labels = ById(labels.Select(l => (l.Id, l.Name)));
            _splits = ById(splits.Select(s => (s.Id, s.Name)));
        }

        public void Apply(DatasetItem item)
        {
            foreach (var annotation in item.Annotations) Apply(annotation);
        }

        public void Apply(Annotation annotation)
        {
            annotation.Label = NameOf(_labels, annotation.LabelId, annotation.Label);
            annotation.Split = NameOf(_splits, annotation.SplitId, annotation.Split);
        }

        public void Apply(LabelStat stat)
        {
            stat.Label = NameOf(_labels, stat.LabelId, stat.Label);
            stat.Split = NameOf(_splits, stat.SplitId, stat.Split);
        }

        /// <summary>The split names an item's annotations refer to, from the item's own splits (which the wire sends whole).</summary>
        internal static void ApplySplitsOf(DatasetItem item) =>
            new VersionNames(Enumerable.Empty<DatasetLabel>(), item.Splits).Apply(item);

        private static string NameOf(Dictionary<string, string> names, string id, string known) =>
            names.TryGetValue(id, out var name) ? name : known;

        private static Dictionary<string, string> ById(IEnumerable<(string Id, string Name)> entries)
        {
            var byId = new Dictionary<string, string>();
            foreach (var (id, name) in entries) byId[id] = name;
            return byId;
        }
    }
}
