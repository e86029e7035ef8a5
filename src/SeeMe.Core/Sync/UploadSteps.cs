using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Files;
using SeeMe.Core.Http;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// Makes one change of an upload plan on the service: create (then upload the image), update (PUT the item's
    /// text, splits and annotations; upload the image), or delete. A create whose answer was lost (the connection
    /// broke after sending it) is looked up by name before it is sent again, so no item is created twice.
    /// </summary>
    internal sealed class UploadSteps
    {
        private readonly SeeMeClient _client;
        private readonly RemoteListing _remote;
        private readonly Layouts.ISyncLayout _layout;

        public UploadSteps(SeeMeClient client, RemoteListing remote, Layouts.ISyncLayout layout)
        {
            _client = client;
            _remote = remote;
            _layout = layout;
        }

        public async Task<SyncOutcome> ApplyAsync(SyncChange change, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            if (change.Is(SyncActions.Delete))
            {
                await _client.Items.DeleteAsync(change.Remote!.Item, ct).ConfigureAwait(false);
                return new SyncOutcome(change, change.Remote.Id, new KeyValuePair<string, FileState?>[0]);
            }
            var local = change.Local!;
            if (change.MovesImage) LocalFiles.RequireImage(local.Image!.FullPath); // a file that is no picture: nothing is sent
            var item = change.Is(SyncActions.Create) ? await CreateAsync(local, ct).ConfigureAwait(false) : change.Remote!.Item;
            if (NeedsPut(change)) item = await PutAsync(local, change.Remote!, ct).ConfigureAwait(false);
            if (local.Image != null && (change.Is(SyncActions.Create) || change.Is(SyncActions.UpdateContent)))
                item = await _client.Items.UploadImageAsync(_remote.DatasetId, _remote.DatasetVersionId, item.Id, local.Image.FullPath, progress, ct).ConfigureAwait(false);
            var files = local.Files.Select(f => new KeyValuePair<string, FileState?>(f.RelativePath, UploadPlanner.Recorded(local, f, item))).ToList();
            return new SyncOutcome(change, item.Id, files);
        }

        private static bool NeedsPut(SyncChange change) =>
            !change.Is(SyncActions.Create) && (change.Is(SyncActions.Relabel) || change.Is(SyncActions.Move) || change.Is(SyncActions.UpdateContent) && change.Local!.Text != null);

        private Task<DatasetItem> CreateAsync(LocalItem local, CancellationToken ct)
        {
            var item = new DatasetItem
            {
                Name = local.Name,
                Text = local.Text ?? "",
                Splits = local.Splits.Select(_remote.SplitToSend).ToList(),
                Annotations = local.Annotations.Select(_remote.NewAnnotation).ToList(),
            };
            return CreateOnceAsync(local, item, ct);
        }

        private async Task<DatasetItem> CreateOnceAsync(LocalItem local, DatasetItem item, CancellationToken ct)
        {
            try
            {
                return await _client.Items.CreateAsync(_remote.DatasetId, _remote.DatasetVersionId, item, ct).ConfigureAwait(false);
            }
            catch (SeeMeApiException e) when (MayHaveReachedTheService(e))
            {
                return await FindAsync(local, ct).ConfigureAwait(false)
                       ?? await _client.Items.CreateAsync(_remote.DatasetId, _remote.DatasetVersionId, item, ct).ConfigureAwait(false);
            }
        }

        /// <summary>No answer came (a reset, a timeout, a gateway's 502 or 504): the create may have been made.</summary>
        private static bool MayHaveReachedTheService(SeeMeApiException e) => e.StatusCode == 0 || e.StatusCode == 502 || e.StatusCode == 504;

        /// <summary>The item of the version (in the item's first split) that is the local one, or null.</summary>
        private async Task<DatasetItem?> FindAsync(LocalItem local, CancellationToken ct)
        {
            var query = new ItemQuery { SplitId = local.Splits.Count > 0 ? _remote.Split(local.Splits[0])?.Id : null };
            var pages = _client.Items.GetAll(_remote.DatasetId, _remote.DatasetVersionId, query);
            for (var page = await pages.NextPageAsync(ct).ConfigureAwait(false); page.Count > 0; page = await pages.NextPageAsync(ct).ConfigureAwait(false))
            {
                var found = page.FirstOrDefault(i => _layout.KeyOf(i) == local.Key);
                if (found != null) return found;
            }
            return null;
        }

        private Task<DatasetItem> PutAsync(LocalItem local, RemoteItem remote, CancellationToken ct)
        {
            var item = remote.Item.DeepCopy();
            if (_layout.HasSplits) item.Splits = local.Splits.Select(_remote.SplitToSend).ToList();
            item.Annotations = _layout.Relabel(local, remote, _remote);
            if (local.Text != null) item.Text = local.Text;
            return _client.Items.UpdateAsync(item, ct);
        }
    }
}
