using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync
{
    /// <summary>An annotation of an item on the service, with its label and split by name.</summary>
    public sealed class RemoteAnnotation
    {
        public RemoteAnnotation(Annotation annotation, string label, string split)
        {
            Annotation = annotation;
            Label = label;
            Split = split;
            Coordinates = Boxes.Normalise(annotation.Coordinates);
        }

        public Annotation Annotation { get; }
        public string Label { get; }
        /// <summary>The split's name; "" when the annotation names no split of the version.</summary>
        public string Split { get; }
        public string Coordinates { get; }
        public bool IsBox => Coordinates.Length > 0;
    }

    /// <summary>An item on the service, with its splits and annotations by name.</summary>
    public sealed class RemoteItem
    {
        public RemoteItem(DatasetItem item, IReadOnlyList<string> splits, IReadOnlyList<RemoteAnnotation> annotations)
        {
            Item = item;
            Splits = splits;
            Annotations = annotations;
        }

        public DatasetItem Item { get; }
        public string Id => Item.Id;
        public IReadOnlyList<string> Splits { get; }
        public IReadOnlyList<RemoteAnnotation> Annotations { get; }
        public bool HasImage => Item.Extension.Length > 0;
    }

    /// <summary>
    /// The dataset version as the service has it: its splits and labels (found by name) and its items with
    /// names resolved. Splits and labels a sync creates are added before any item is sent.
    /// </summary>
    public sealed class RemoteListing
    {
        private readonly List<DatasetSplit> _splits;
        private readonly List<DatasetLabel> _labels;

        public RemoteListing(DatasetVersion version, IEnumerable<DatasetItem> items)
        {
            Version = version;
            _splits = version.Splits.ToList();
            _labels = version.Labels.OrderBy(l => l.Index).ToList();
            var splitNames = NamesById(_splits);
            var labelNames = NamesById(_labels);
            Items = items.Select(i => Resolve(i, splitNames, labelNames)).ToList();
        }

        public DatasetVersion Version { get; }
        public string DatasetId => Version.DatasetId;
        public string DatasetVersionId => Version.Id;
        public IReadOnlyList<RemoteItem> Items { get; }
        public IReadOnlyList<DatasetSplit> Splits => _splits;
        /// <summary>In index order.</summary>
        public IReadOnlyList<DatasetLabel> Labels => _labels;

        public DatasetSplit? Split(string name) => _splits.FirstOrDefault(s => s.Name == name);
        public DatasetLabel? Label(string name) => _labels.FirstOrDefault(l => l.Name == name);

        public void Add(DatasetSplit split) => _splits.Add(split);
        public void Add(DatasetLabel label) => _labels.Add(label);

        /// <summary>The split to send in an item's <c>splits</c> (the whole object, as the SDK sends it).</summary>
        public DatasetSplit SplitToSend(string name) => (Split(name) ?? throw Missing("split", name)).DeepCopy();

        /// <summary>A new annotation of the item: by label and split name.</summary>
        public Annotation NewAnnotation(SyncAnnotation wanted) => new Annotation
        {
            LabelId = (Label(wanted.Label) ?? throw Missing("label", wanted.Label)).Id,
            SplitId = wanted.Split.Length == 0 ? "" : (Split(wanted.Split) ?? throw Missing("split", wanted.Split)).Id,
            Coordinates = wanted.Coordinates,
        };

        /// <summary>An existing annotation, kept (its id and box), counted in <paramref name="split"/>.</summary>
        public Annotation Kept(RemoteAnnotation annotation, string split)
        {
            var copy = annotation.Annotation.DeepCopy();
            copy.SplitId = split.Length == 0 ? "" : (Split(split) ?? throw Missing("split", split)).Id;
            return copy;
        }

        private static RemoteItem Resolve(DatasetItem item, Dictionary<string, string> splitNames, Dictionary<string, string> labelNames)
        {
            var splits = item.Splits.Select(s => NameOf(splitNames, s.Id)).Where(n => n.Length > 0).ToList();
            var annotations = item.Annotations.Select(a => new RemoteAnnotation(a, NameOf(labelNames, a.LabelId), NameOf(splitNames, a.SplitId))).ToList();
            return new RemoteItem(item, splits, annotations);
        }

        private static Dictionary<string, string> NamesById<T>(IEnumerable<T> children) where T : DatasetVersionChild =>
            children.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Name);

        private static string NameOf(Dictionary<string, string> names, string id) => names.TryGetValue(id ?? "", out var name) ? name : "";

        private InvalidOperationException Missing(string kind, string name) =>
            new InvalidOperationException($"The dataset version {DatasetVersionId} has no {kind} named '{name}' (its creation was skipped or failed); sync again to create it.");
    }
}
