using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using SeeMe.Core.Files;
using SeeMe.Core.Http;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// What the last sync of a folder saw, kept in the folder's hidden <c>.seeme/sync.json</c> (which every
    /// layout, Import and Sync leave out): per file its hash, size and time of change, and the item it
    /// belongs to with that item's <c>updated_at</c>. It lets a sync tell a changed file from an unchanged
    /// one without reading it, and a change on the service from none. It counts only for the version it
    /// was written for.
    /// </summary>
    public sealed class SyncState
    {
        public const string FolderName = ".seeme";
        public const string FileName = "sync.json";
        private const int CurrentFormat = 1;

        public int FormatVersion { get; set; } = CurrentFormat;
        public string DatasetId { get; set; } = "";
        public string DatasetVersionId { get; set; } = "";
        /// <summary>folders, yolo or csv.</summary>
        public string Layout { get; set; } = "";
        /// <summary>By path relative to the folder, '/' separated.</summary>
        public Dictionary<string, FileState> Files { get; set; } = new Dictionary<string, FileState>(StringComparer.Ordinal);

        public static string PathIn(string folder) => Path.Combine(folder, FolderName, FileName);

        /// <summary>The state saved in <paramref name="folder"/>, or null when there is none.</summary>
        public static SyncState? Load(string folder)
        {
            var path = PathIn(folder);
            if (!File.Exists(path)) return null;
            try
            {
                var state = SeeMeJson.Deserialize<SyncState>(File.ReadAllText(path));
                if (state == null || state.FormatVersion != CurrentFormat) throw new JsonException($"format {state?.FormatVersion} is not {CurrentFormat}");
                state.Files = new Dictionary<string, FileState>(state.Files ?? new Dictionary<string, FileState>(), StringComparer.Ordinal);
                return state;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The sync state '{path}' cannot be read ({e.Message}). Delete it and sync again with -Checksum, " +
                                               "which compares the files with the service's images instead.", e);
            }
        }

        /// <summary>Writes the state to <paramref name="folder"/> all at once (a temporary file beside it, then moved over it).</summary>
        public void Save(string folder)
        {
            var path = PathIn(folder);
            var ordered = new SyncState
            {
                DatasetId = DatasetId, DatasetVersionId = DatasetVersionId, Layout = Layout,
                Files = Files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
            };
            AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(ordered, Formatting.Indented, SeeMeJson.Settings));
        }

        /// <summary>True when <paramref name="other"/> says the same of the same files (so writing this state would change nothing).</summary>
        public bool SameAs(SyncState other) =>
            DatasetId == other.DatasetId && DatasetVersionId == other.DatasetVersionId && Layout == other.Layout && Files.Count == other.Files.Count
            && Files.All(f => other.Files.TryGetValue(f.Key, out var was) && f.Value.SameAs(was));

        /// <summary>The entry of the file at <paramref name="path"/> when it was synced with <paramref name="itemId"/>, else that item's entry at another path; null when neither.</summary>
        public FileState? ForItem(string path, string itemId)
        {
            if (Files.TryGetValue(path, out var here) && here.ItemId == itemId) return here;
            _byItem ??= Files.Values.GroupBy(f => f.ItemId).ToDictionary(g => g.Key, g => g.First());
            return _byItem.TryGetValue(itemId, out var elsewhere) ? elsewhere : null;
        }

        [JsonIgnore]
        private Dictionary<string, FileState>? _byItem;
    }

    /// <summary>One file at its last sync.</summary>
    public sealed class FileState
    {
        /// <summary>SHA-256, lowercase hex.</summary>
        public string Hash { get; set; } = "";
        public long Size { get; set; }
        /// <summary>Its last write time (UTC).</summary>
        public DateTimeOffset Modified { get; set; }
        public string ItemId { get; set; } = "";
        /// <summary>The item's <c>updated_at</c> after the sync.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>True when <paramref name="file"/> has this entry's size and time, so its hash is this entry's.</summary>
        public bool Matches(LocalFile file) => Size == file.Size && Modified == file.Modified;

        public bool SameAs(FileState other) =>
            Hash == other.Hash && Size == other.Size && Modified == other.Modified && ItemId == other.ItemId && UpdatedAt == other.UpdatedAt;
    }
}
