using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Files;
using SeeMe.Core.Http;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// Makes one change of a download plan in the folder: download an image, write a text file, move or delete a
    /// file. Every file is written beside its place and moved there when complete, so none is left half-written.
    /// </summary>
    internal sealed class DownloadSteps
    {
        private readonly SeeMeClient _client;
        private readonly string _root;

        public DownloadSteps(SeeMeClient client, string root)
        {
            _client = client;
            _root = root;
        }

        public async Task<SyncOutcome> ApplyAsync(SyncChange change, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            var target = FullPath(change.Path);
            if (change.Is(SyncActions.Delete)) return Deleted(change, target);
            if (change.Is(SyncActions.Move)) return Moved(change, target);
            var desired = change.Desired!;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (desired.IsImage) await _client.Items.DownloadImageToFileAsync(desired.Item!.Item, target, overwrite: true, progress: progress, cancellationToken: ct).ConfigureAwait(false);
            else AtomicFile.WriteAllText(target, desired.Text!);
            var state = desired.Item == null ? null : Recorded(target, desired);
            return new SyncOutcome(change, desired.Item?.Id ?? "", new[] { new KeyValuePair<string, FileState?>(change.Path, state) });
        }

        private static SyncOutcome Deleted(SyncChange change, string target)
        {
            File.Delete(target);
            return new SyncOutcome(change, "", new[] { new KeyValuePair<string, FileState?>(change.Path, null) });
        }

        /// <summary>Moves the file; its state entry (set by the caller from the old path's) moves with it.</summary>
        private SyncOutcome Moved(SyncChange change, string target)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(FullPath(change.FromPath!), target);
            return new SyncOutcome(change, change.Remote?.Id ?? "", new[] { new KeyValuePair<string, FileState?>(change.FromPath!, null) });
        }

        private FileState Recorded(string target, DesiredFile desired)
        {
            var file = LocalFile.Of(_root, target);
            return new FileState
            {
                Hash = desired.IsImage ? FileHashes.OfFile(target) : FileHashes.OfText(desired.Text!),
                Size = file.Size,
                Modified = file.Modified,
                ItemId = desired.Item!.Id,
                UpdatedAt = desired.Item.Item.UpdatedAt,
            };
        }

        private string FullPath(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
