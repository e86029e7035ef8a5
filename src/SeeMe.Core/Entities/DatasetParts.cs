using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace SeeMe.Core.Entities
{
    /// <summary>An entity inside a dataset version; knows its dataset so it can be piped on.</summary>
    public abstract class DatasetVersionChild : NamedEntity
    {
        /// <summary>The dataset this belongs to (set by the client; not a wire field).</summary>
        [JsonIgnore]
        public string DatasetId { get; set; } = "";

        /// <summary>The dataset version this belongs to (a wire field of splits and labels; set by the client on items).</summary>
        public abstract string DatasetVersionId { get; set; }

        internal override void CopyParentIdsTo(SeeMeEntity copy) => ((DatasetVersionChild)copy).DatasetId = DatasetId;
    }

    /// <summary>A split (train, valid, test, ...) of a dataset version.</summary>
    public sealed class DatasetSplit : DatasetVersionChild
    {
        public string UserId { get; set; } = "";
        /// <summary>The dataset version this split belongs to (the wire's <c>version_id</c>).</summary>
        [JsonProperty("version_id")]
        public override string DatasetVersionId { get; set; } = "";
    }

    /// <summary>A label (class) of a dataset version.</summary>
    public sealed class DatasetLabel : DatasetVersionChild
    {
        public string UserId { get; set; } = "";
        /// <summary>The dataset version this label belongs to (the wire's <c>version_id</c>).</summary>
        [JsonProperty("version_id")]
        public override string DatasetVersionId { get; set; } = "";
        /// <summary>"#rrggbb".</summary>
        public string Color { get; set; } = "";
        /// <summary>Position of the label, assigned by the server.</summary>
        public int Index { get; set; }
        public string Shortcut { get; set; } = "";
    }

    /// <summary>An item (image, text or row) of a dataset version, with its splits and annotations.</summary>
    public sealed class DatasetItem : DatasetVersionChild
    {
        /// <summary>The dataset version this item belongs to (set by the client; not a wire field).</summary>
        [JsonIgnore]
        public override string DatasetVersionId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Text { get; set; } = "";

        internal override void CopyParentIdsTo(SeeMeEntity copy)
        {
            base.CopyParentIdsTo(copy);
            ((DatasetItem)copy).DatasetVersionId = DatasetVersionId;
        }
        public List<DatasetSplit> Splits { get; set; } = new List<DatasetSplit>();
        public List<Annotation> Annotations { get; set; } = new List<Annotation>();
        /// <summary>The image's extension (jpg, png, ...) once an image was uploaded.</summary>
        public string Extension { get; set; } = "";

        /// <summary>
        /// The names of its annotations' labels, each once, in annotation order, joined by ", " ("" when
        /// unlabelled; a label whose name is not known shows as its id). Not a wire field: see <see cref="Annotation.Label"/>.
        /// </summary>
        [JsonIgnore]
        public string Label => string.Join(", ", Annotations.Select(a => a.Label.Length > 0 ? a.Label : a.LabelId).Where(n => n.Length > 0).Distinct());

        /// <summary>The names of the splits it is in, joined by ", " (the wire's splits carry their names).</summary>
        [JsonIgnore]
        public string Split => string.Join(", ", Splits.Select(s => s.Name));
    }

    /// <summary>A label on an item: empty <see cref="Coordinates"/> for classification, a YOLO box otherwise.</summary>
    public sealed class Annotation : SeeMeEntity
    {
        [JsonIgnore]
        public string DatasetId { get; set; } = "";
        [JsonIgnore]
        public string DatasetVersionId { get; set; } = "";
        public string LabelId { get; set; } = "";
        public string ItemId { get; set; } = "";
        public string SplitId { get; set; } = "";
        /// <summary>"" for a class label, "x_center y_center width height" (relative, 0..1) for a box.</summary>
        public string Coordinates { get; set; } = "";
        public string UserId { get; set; } = "";

        /// <summary>The name of the label <see cref="LabelId"/> refers to, when the client knows it (see <see cref="VersionNames"/>); not a wire field.</summary>
        [JsonIgnore]
        public string Label { get; set; } = "";

        /// <summary>The name of the split <see cref="SplitId"/> refers to, when the client knows it; not a wire field.</summary>
        [JsonIgnore]
        public string Split { get; set; } = "";

        internal override void CopyParentIdsTo(SeeMeEntity copy)
        {
            var annotation = (Annotation)copy;
            annotation.DatasetId = DatasetId;
            annotation.DatasetVersionId = DatasetVersionId;
        }
    }

    /// <summary>Counts of one label in one split; <see cref="LabelId"/> "" counts unlabelled items.</summary>
    public sealed class LabelStat : WireObject
    {
        public string LabelId { get; set; } = "";
        public string SplitId { get; set; } = "";
        public int Count { get; set; }
        public int AnnotationCount { get; set; }
        public int ItemCount { get; set; }

        /// <summary>The name of the label counted ("" for the unlabelled items, or when the client does not know it); not a wire field.</summary>
        [JsonIgnore]
        public string Label { get; set; } = "";

        /// <summary>The name of the split counted in, when the client knows it; not a wire field.</summary>
        [JsonIgnore]
        public string Split { get; set; } = "";
    }
}
