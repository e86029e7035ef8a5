using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// The plan of a sync from the version to the folder: a pure function of what the service holds, what the folder
    /// holds, the state of the last sync and the options. An image whose file is as the last sync left it and whose
    /// item has the same <c>updated_at</c> stays; one the state does not know is taken as it is (a folder exported
    /// from the version), unless -Checksum compares the bytes; a file whose item moved on the service is moved (or
    /// downloaded again and the old file removed); files of the layout's kinds that no item needs are removed only with -Delete,
    /// and other files are left alone.
    /// </summary>
    public static class DownloadPlanner
    {
        public static SyncPlan Plan(RemoteListing remote, ISyncLayout layout, SyncFolder folder, SyncState? state, SyncOptions options,
            IReadOnlyDictionary<string, string>? remoteHashes = null)
        {
            var plan = new SyncPlan(SyncDirection.Download, layout);
            var desired = layout.Render(remote, folder);
            var present = folder.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            var wanted = new HashSet<string>(desired.Select(d => d.Path), StringComparer.Ordinal);
            var comparison = new Comparison(folder, state, options, remoteHashes ?? new Dictionary<string, string>(), present, wanted);
            foreach (var file in desired) comparison.Compare(plan, file);
            var itemIds = new HashSet<string>(remote.Items.Select(i => i.Id), StringComparer.Ordinal);
            foreach (var extra in present.Values.Where(f => layout.Holds(f) && !wanted.Contains(f.RelativePath) && !comparison.MovedAway.Contains(f.RelativePath)))
            {
                var ofAnItem = state != null && state.Files.TryGetValue(extra.RelativePath, out var known) && itemIds.Contains(known.ItemId);
                if (ofAnItem || options.Delete) plan.Changes.Add(Delete(extra, ofAnItem));
                else plan.Kept++;
            }
            plan.Order();
            return plan;
        }

        private static SyncChange Delete(LocalFile file, bool moved) => new SyncChange(SyncActions.Delete, file.Stem, file.RelativePath)
        {
            DeletesExtra = !moved,
            Target = $"File '{file.RelativePath}'",
            Description = moved ? "Delete (its item moved on the service)" : "Delete (not in the dataset version)",
        };

        /// <summary>How each file the version wants compares with the folder.</summary>
        private sealed class Comparison
        {
            private readonly SyncFolder _folder;
            private readonly SyncState? _state;
            private readonly SyncOptions _options;
            private readonly IReadOnlyDictionary<string, string> _remoteHashes;
            private readonly Dictionary<string, LocalFile> _present;
            private readonly HashSet<string> _wanted;
            private readonly ILookup<string, KeyValuePair<string, FileState>> _byItem;

            public Comparison(SyncFolder folder, SyncState? state, SyncOptions options, IReadOnlyDictionary<string, string> remoteHashes,
                Dictionary<string, LocalFile> present, HashSet<string> wanted)
            {
                _folder = folder;
                _state = state;
                _options = options;
                _remoteHashes = remoteHashes;
                _present = present;
                _wanted = wanted;
                _byItem = (state?.Files ?? new Dictionary<string, FileState>()).ToLookup(e => e.Value.ItemId, StringComparer.Ordinal);
            }

            /// <summary>Files that moves take away (not removed again).</summary>
            public HashSet<string> MovedAway { get; } = new HashSet<string>(StringComparer.Ordinal);

            public void Compare(SyncPlan plan, DesiredFile file)
            {
                _present.TryGetValue(file.Path, out var there);
                if (there != null && InStep(file, there))
                {
                    plan.Unchanged++;
                    if (file.Item != null) plan.InStep[file.Path] = Recorded(file, there);
                    return;
                }
                var from = there == null ? MoveSource(file) : null;
                if (from != null) MovedAway.Add(from.RelativePath);
                plan.Changes.Add(Change(file, there != null, from));
            }

            private bool InStep(DesiredFile file, LocalFile there)
            {
                if (!file.IsImage) return _folder.ReadText(there) == file.Text;
                var item = file.Item!;
                if (_options.Checksum) return _remoteHashes.TryGetValue(item.Id, out var bytes) && bytes == _folder.HashOf(there);
                if (_state == null || !_state.Files.TryGetValue(file.Path, out var known)) return true; // not synced before: taken as it is
                return known.ItemId == item.Id && known.UpdatedAt == item.Item.UpdatedAt && known.Hash == _folder.HashOf(there);
            }

            /// <summary>The file the item's image is in now, when it can simply move: as the last sync left it, the item unchanged since, and not wanted where it is.</summary>
            private LocalFile? MoveSource(DesiredFile file)
            {
                if (!file.IsImage) return null;
                var item = file.Item!;
                return _byItem[item.Id].Where(e => e.Value.ItemId == item.Id && e.Value.UpdatedAt == item.Item.UpdatedAt && !_wanted.Contains(e.Key) && !MovedAway.Contains(e.Key))
                    .Select(e => _present.TryGetValue(e.Key, out var f) && e.Value.Matches(f) ? f : null)
                    .FirstOrDefault(f => f != null);
            }

            private FileState Recorded(DesiredFile file, LocalFile there) => new FileState
            {
                Hash = file.IsImage ? _folder.HashOf(there) : FileHashes.OfText(file.Text!),
                Size = there.Size,
                Modified = there.Modified,
                ItemId = file.Item!.Id,
                UpdatedAt = file.Item.Item.UpdatedAt,
            };

            private static SyncChange Change(DesiredFile file, bool exists, LocalFile? from)
            {
                var actions = from != null ? SyncActions.Move : exists ? SyncActions.UpdateContent : SyncActions.Create;
                var what = file.IsImage ? $"Download the image of DatasetItem '{file.Item!.Item.Name}' ({file.Item.Id})" : "Write";
                return new SyncChange(actions, file.Item?.Item.Name ?? System.IO.Path.GetFileNameWithoutExtension(file.Path), file.Path)
                {
                    Remote = file.Item,
                    Desired = file,
                    FromPath = from?.RelativePath,
                    Target = $"File '{file.Path}'",
                    Description = from != null ? $"Move from '{from.RelativePath}'" : exists ? what + " again" : what,
                };
            }
        }
    }
}
