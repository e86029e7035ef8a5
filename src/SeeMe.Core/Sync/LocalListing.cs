using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Clients;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>A label a folder names, with the colour its layout gives it ("" when none).</summary>
    public sealed class LabelSpec
    {
        public LabelSpec(string name, string color)
        {
            Name = name;
            Color = color;
        }

        public string Name { get; }
        public string Color { get; }
    }

    /// <summary>What a folder in one layout says the version should hold: splits, labels, items, and for csv the columns.</summary>
    public sealed class LocalListing
    {
        private readonly HashSet<string> _splits = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _labels = new HashSet<string>(StringComparer.Ordinal);

        public LocalListing(DatasetFormat layout) => Layout = layout;

        public DatasetFormat Layout { get; }
        public List<LocalItem> Items { get; } = new List<LocalItem>();
        /// <summary>Split names, in the order first seen.</summary>
        public List<string> Splits { get; } = new List<string>();
        /// <summary>Labels, in the order first seen.</summary>
        public List<LabelSpec> Labels { get; } = new List<LabelSpec>();
        /// <summary>The csv layout's columns and separator (the version's <c>config</c>); null in other layouts.</summary>
        public CsvColumns? Columns { get; set; }

        public void AddSplit(string name)
        {
            if (_splits.Add(name)) Splits.Add(name);
        }

        public void AddLabel(string name, string color = "")
        {
            if (_labels.Add(name)) Labels.Add(new LabelSpec(name, color));
        }

        /// <summary>Every file the listing's items come from.</summary>
        public IEnumerable<LocalFile> Files => Items.SelectMany(i => i.Files);
    }
}
