using System.Collections.Generic;
using SeeMe.Core.Clients;

namespace SeeMe.Core.Sync
{
    /// <summary>What one change did: the item it left (null for a file of the layout or a deletion) and the state of the files it touched (null: no file there now).</summary>
    public sealed class SyncOutcome
    {
        internal SyncOutcome(SyncChange change, string itemId, IReadOnlyList<KeyValuePair<string, FileState?>> files)
        {
            Change = change;
            ItemId = itemId;
            Files = files;
        }

        public SyncChange Change { get; }
        public string ItemId { get; }
        internal IReadOnlyList<KeyValuePair<string, FileState?>> Files { get; }
    }

    /// <summary>One change a sync made (Sync-SeeMeDatasetVersion -PassThru).</summary>
    public sealed class SyncRecord
    {
        internal SyncRecord(SyncOutcome outcome)
        {
            Actions = outcome.Change.Actions;
            Name = outcome.Change.Name;
            Path = outcome.Change.Path;
            ItemId = outcome.ItemId;
            Description = outcome.Change.Description;
        }

        public SyncActions Actions { get; }
        public string Name { get; }
        /// <summary>The file, relative to the folder.</summary>
        public string Path { get; }
        /// <summary>The item's id ("" for a file of the layout).</summary>
        public string ItemId { get; }
        /// <summary>What was done, in words.</summary>
        public string Description { get; }
    }

    /// <summary>What a sync did (Sync-SeeMeDatasetVersion's output): counts of items (uploading) or files (downloading).</summary>
    public sealed class SyncSummary
    {
        public SyncDirection Direction { get; internal set; }
        public string Path { get; internal set; } = "";
        public string DatasetId { get; internal set; } = "";
        public string DatasetVersionId { get; internal set; } = "";
        public DatasetFormat Layout { get; internal set; }
        public int Created { get; internal set; }
        /// <summary>Changed in any way: content, labels or splits (a file moved, downloaded or written again).</summary>
        public int Updated { get; internal set; }
        public int Deleted { get; internal set; }
        public int Unchanged { get; internal set; }
        /// <summary>On the other side only, and kept since -Delete was not given.</summary>
        public int Kept { get; internal set; }
        /// <summary>Planned but not made: -WhatIf, or declined at -Confirm.</summary>
        public int Skipped { get; internal set; }
        /// <summary>Planned and failed (each failure is its own error).</summary>
        public int Failed { get; internal set; }
        public int SplitsCreated { get; internal set; }
        public int LabelsCreated { get; internal set; }
    }
}
