using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// The plan of a sync from the folder to the version: a pure function of what the folder holds, what the service
    /// holds, the state of the last sync and the options. An item whose file is unchanged since the last sync (same
    /// hash) and unchanged on the service (same <c>updated_at</c>) keeps its image; an item the state does not know
    /// (a first sync, a folder exported from the version) is taken as it is, unless -Checksum compares the bytes.
    /// </summary>
    public static class UploadPlanner
    {
        public static SyncPlan Plan(LocalListing local, RemoteListing remote, ISyncLayout layout, SyncState? state, SyncOptions options,
            IReadOnlyDictionary<string, string>? remoteHashes = null)
        {
            var plan = new SyncPlan(SyncDirection.Upload, layout);
            plan.SplitsToCreate.AddRange(local.Splits.Where(s => remote.Split(s) == null));
            plan.LabelsToCreate.AddRange(local.Labels.Where(l => remote.Label(l.Name) == null));
            if (local.Columns != null && !local.Columns.SameAs(CsvColumns.FromConfig(remote.Version.Config))) plan.ColumnsToSet = local.Columns;
            var matcher = new ItemMatcher(remote, layout);
            foreach (var (item, match) in matcher.Match(local.Items))
                Compare(plan, item, match, new Comparison(layout, state, options, remoteHashes));
            foreach (var extra in matcher.Unmatched)
            {
                if (options.Delete) plan.Changes.Add(Delete(extra, layout));
                else plan.Kept++;
            }
            plan.Order();
            return plan;
        }

        private static void Compare(SyncPlan plan, LocalItem item, RemoteItem? match, Comparison comparison)
        {
            if (match == null)
            {
                plan.Changes.Add(Create(item));
                return;
            }
            var actions = comparison.Differences(item, match);
            if (actions != SyncActions.None) plan.Changes.Add(Update(item, match, actions));
            else
            {
                plan.Unchanged++;
                foreach (var file in item.Files) plan.InStep[file.RelativePath] = Recorded(item, file, match.Item);
            }
        }

        /// <summary>The state entry of one of an item's files once the item is in step.</summary>
        internal static FileState Recorded(LocalItem item, LocalFile file, Entities.DatasetItem synced) => new FileState
        {
            Hash = item.Text == null ? item.ImageHash : FileHashes.OfText(item.Text),
            Size = file.Size,
            Modified = file.Modified,
            ItemId = synced.Id,
            UpdatedAt = synced.UpdatedAt,
        };

        private static SyncChange Create(LocalItem item) => new SyncChange(SyncActions.Create, item.Name, item.Path)
        {
            Local = item,
            Target = $"DatasetItem '{Shown(item.Name, item.Key)}' from '{item.Path}'",
            Description = "Create",
        };

        private static SyncChange Update(LocalItem item, RemoteItem match, SyncActions actions) => new SyncChange(actions, match.Item.Name, item.Path)
        {
            Local = item,
            Remote = match,
            Target = $"DatasetItem '{Shown(match.Item.Name, item.Key)}' ({match.Id}) from '{item.Path}'",
            Description = $"Update ({SyncChange.Parts(actions, item.Text != null)})",
        };

        private static SyncChange Delete(RemoteItem extra, ISyncLayout layout) => new SyncChange(SyncActions.Delete, extra.Item.Name, "")
        {
            Remote = extra,
            DeletesExtra = true,
            Target = $"DatasetItem '{Shown(extra.Item.Name, layout.KeyOf(extra.Item))}' ({extra.Id})",
            Description = "Delete (no file in the folder)",
        };

        /// <summary>The name, or for an unnamed item (a csv row) the start of its key.</summary>
        private static string Shown(string name, string key) => name.Length > 0 ? name : key.Length > 60 ? key.Substring(0, 57) + "..." : key;

        /// <summary>How a folder item and its match on the service differ.</summary>
        private sealed class Comparison
        {
            private readonly ISyncLayout _layout;
            private readonly SyncState? _state;
            private readonly SyncOptions _options;
            private readonly IReadOnlyDictionary<string, string> _remoteHashes;

            public Comparison(ISyncLayout layout, SyncState? state, SyncOptions options, IReadOnlyDictionary<string, string>? remoteHashes)
            {
                _layout = layout;
                _state = state;
                _options = options;
                _remoteHashes = remoteHashes ?? new Dictionary<string, string>();
            }

            public SyncActions Differences(LocalItem item, RemoteItem remote)
            {
                var actions = ContentDiffers(item, remote) ? SyncActions.UpdateContent : SyncActions.None;
                var moved = _layout.HasSplits && !new HashSet<string>(item.Splits, StringComparer.Ordinal).SetEquals(remote.Splits);
                if (moved) actions |= SyncActions.Move;
                var splitsAfter = _layout.HasSplits ? item.Splits : remote.Splits;
                if (_layout.LabelsOf(item) != _layout.LabelsOf(remote, splitsAfter)) actions |= SyncActions.Relabel;
                return actions;
            }

            private bool ContentDiffers(LocalItem item, RemoteItem remote)
            {
                if (item.Text != null) return item.Text != remote.Item.Text;
                if (!remote.HasImage) return true;
                if (_options.Checksum) return !_remoteHashes.TryGetValue(remote.Id, out var bytes) || bytes != item.ImageHash;
                var path = item.Image!.RelativePath;
                var known = _state?.ForItem(path, remote.Id);
                // Not in the state: a first sync takes the service's image as the file's; a file last synced as another item is sent.
                if (known == null) return _state != null && _state.Files.ContainsKey(path);
                return known.Hash != item.ImageHash || known.UpdatedAt != remote.Item.UpdatedAt;
            }
        }
    }
}
