using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Sync
{
    /// <summary>What a sync does to one item (uploading) or one file (downloading).</summary>
    [Flags]
    public enum SyncActions
    {
        None = 0,
        /// <summary>A new item (with its image), or a new file.</summary>
        Create = 1,
        /// <summary>The item's image or text replaced, or the file downloaded or written again.</summary>
        UpdateContent = 2,
        /// <summary>The item's labels (or boxes) changed.</summary>
        Relabel = 4,
        /// <summary>The item moved to other splits (its annotations with it), or the file to another folder.</summary>
        Move = 8,
        /// <summary>The item or the file removed.</summary>
        Delete = 16,
    }

    /// <summary>One change of a <see cref="SyncPlan"/>: what it does, to which item or file, and how it is shown (-WhatIf, -Confirm).</summary>
    public sealed class SyncChange
    {
        internal SyncChange(SyncActions actions, string name, string path)
        {
            Actions = actions;
            Name = name;
            Path = path;
        }

        public SyncActions Actions { get; }
        /// <summary>The item's name (a csv row: its text).</summary>
        public string Name { get; }
        /// <summary>The file, relative to the folder ('/' separated).</summary>
        public string Path { get; }

        /// <summary>The item on the service (null for a new item, and for a file of the layout).</summary>
        public RemoteItem? Remote { get; internal set; }
        /// <summary>What the folder says the item is (uploading).</summary>
        public LocalItem? Local { get; internal set; }
        /// <summary>The file to write (downloading).</summary>
        public DesiredFile? Desired { get; internal set; }
        /// <summary>Where the file is now (downloading, a move).</summary>
        public string? FromPath { get; internal set; }

        public bool Is(SyncActions action) => (Actions & action) == action;

        /// <summary>True when the change sends or fetches an image (a create or a new content, of an image).</summary>
        public bool MovesImage => (Is(SyncActions.Create) || Is(SyncActions.UpdateContent)) && (Local?.Image != null || Desired?.IsImage == true);

        /// <summary>A deletion that -Delete asked for: of what the other side no longer has (not a file whose item moved).</summary>
        public bool DeletesExtra { get; internal set; }

        /// <summary>The ShouldProcess target: "DatasetItem 'red-1' (id) from 'train/red/red-1.png'", or "File 'train/red/red-1.png'".</summary>
        public string Target { get; internal set; } = "";

        /// <summary>The ShouldProcess action: "Create", "Update (image, labels)", "Delete", "Download", ...</summary>
        public string Description { get; internal set; } = "";

        /// <summary>The parts of an update, in words: "image, labels, split".</summary>
        internal static string Parts(SyncActions actions, bool text) => string.Join(", ", new[]
        {
            (SyncActions.UpdateContent, text ? "text" : "image"), (SyncActions.Relabel, "labels"), (SyncActions.Move, "splits"),
        }.Where(p => (actions & p.Item1) != 0).Select(p => p.Item2));

        public override string ToString() => $"{Description}: {Target}";
    }

    /// <summary>
    /// What a sync will do, computed before anything is sent or written: the splits, labels and csv columns to
    /// create or set, then one change per item or file (creates, then updates, then deletions), and the counts of
    /// what stays as it is.
    /// </summary>
    public sealed class SyncPlan
    {
        internal SyncPlan(SyncDirection direction, Layouts.ISyncLayout layout)
        {
            Direction = direction;
            Layout = layout;
        }

        public SyncDirection Direction { get; }
        public Layouts.ISyncLayout Layout { get; }
        public List<string> SplitsToCreate { get; } = new List<string>();
        public List<LabelSpec> LabelsToCreate { get; } = new List<LabelSpec>();
        /// <summary>The csv columns the version gets (null: they are right).</summary>
        public Layouts.CsvColumns? ColumnsToSet { get; internal set; }
        public List<SyncChange> Changes { get; } = new List<SyncChange>();
        /// <summary>Items (or files) already in step.</summary>
        public int Unchanged { get; internal set; }
        /// <summary>Items on the service without a file (or files without an item) that stay, since -Delete was not given.</summary>
        public int Kept { get; internal set; }

        /// <summary>State entries of the files found in step, by path.</summary>
        internal Dictionary<string, FileState> InStep { get; } = new Dictionary<string, FileState>(StringComparer.Ordinal);

        /// <summary>Whether the plan changes anything at all.</summary>
        public bool IsEmpty => SplitsToCreate.Count == 0 && LabelsToCreate.Count == 0 && ColumnsToSet == null && Changes.Count == 0;

        /// <summary>The changes in the order they are made: creates, updates, then deletions.</summary>
        internal void Order()
        {
            var ordered = Changes.OrderBy(c => c.Is(SyncActions.Delete) ? 2 : c.Is(SyncActions.Create) ? 0 : 1).ToList();
            Changes.Clear();
            Changes.AddRange(ordered);
        }
    }
}
