using System;
using System.Collections.Generic;

namespace SeeMe.Core.Entities
{
    /// <summary>A dataset; its data lives in its <see cref="Versions"/>.</summary>
    public sealed class Dataset : NamedEntity, IOwnedEntity
    {
        public DateTimeOffset? DeletedAt { get; set; }
        public string UserId { get; set; } = "";
        public string Notes { get; set; } = "";
        public List<DatasetVersion> Versions { get; set; } = new List<DatasetVersion>();
        public bool MultiLabel { get; set; }
        public bool DefaultSplits { get; set; }
        public bool HasLogo { get; set; }
        public string Logo { get; set; } = "";
        public bool Public { get; set; }
        public bool SharedWithMe { get; set; }
        /// <summary>images, text, tabular (later ner, documents).</summary>
        public string ContentType { get; set; } = "";
    }

    /// <summary>A version of a dataset: labels, splits and items.</summary>
    public sealed class DatasetVersion : NamedEntity
    {
        public DateTimeOffset? DeletedAt { get; set; }
        public List<DatasetLabel> Labels { get; set; } = new List<DatasetLabel>();
        public string UserId { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public List<DatasetSplit> Splits { get; set; } = new List<DatasetSplit>();
        public string DefaultSplit { get; set; } = "";
        /// <summary>JSON text, e.g. {"column_names": "a,b,c", "csv_separator": ","} for tabular data.</summary>
        public string Config { get; set; } = "";
    }
}
