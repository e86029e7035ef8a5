using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Sync
{
    /// <summary>An annotation by names: its label, the split it counts in, and a box ("" for a classification label).</summary>
    public sealed class SyncAnnotation
    {
        public SyncAnnotation(string label, string split, string coordinates = "")
        {
            Label = label;
            Split = split;
            Coordinates = Boxes.Normalise(coordinates);
        }

        public string Label { get; }
        public string Split { get; }
        public string Coordinates { get; }
        public bool IsBox => Coordinates.Length > 0;
    }

    /// <summary>What a folder says one item should be: its identity, content, splits and annotations, and the files it comes from.</summary>
    public sealed class LocalItem
    {
        /// <param name="key">What identifies the item within the version: its name, or for a csv row the row.</param>
        /// <param name="name">The item's name ("" for a csv row).</param>
        public LocalItem(string key, string name)
        {
            Key = key;
            Name = name;
        }

        public string Key { get; }
        public string Name { get; }

        /// <summary>The image file (null for a text item or a row).</summary>
        public LocalFile? Image { get; set; }
        /// <summary>The image's SHA-256 (images only).</summary>
        public string ImageHash { get; set; } = "";
        /// <summary>The text of a text item or a row; null for an image.</summary>
        public string? Text { get; set; }

        /// <summary>Split names, in the order first seen.</summary>
        public List<string> Splits { get; } = new List<string>();
        public List<SyncAnnotation> Annotations { get; } = new List<SyncAnnotation>();
        /// <summary>The files the item comes from (an image in several folders is one item), and for the state the ones that are its content.</summary>
        public List<LocalFile> Files { get; } = new List<LocalFile>();

        /// <summary>Where the item is shown to come from, when its files do not say (a csv row: "data.csv, row 3").</summary>
        public string? Origin { get; set; }

        /// <summary>The path shown for the item: its origin, else its first file.</summary>
        public string Path => Origin ?? (Files.Count > 0 ? Files[0].RelativePath : Key);

        public void AddSplit(string split)
        {
            if (!Splits.Contains(split, StringComparer.Ordinal)) Splits.Add(split);
        }
    }

    /// <summary>Box coordinates as a canonical text: the four numbers separated by single spaces.</summary>
    public static class Boxes
    {
        public static string Normalise(string? coordinates) =>
            string.Join(" ", (coordinates ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
