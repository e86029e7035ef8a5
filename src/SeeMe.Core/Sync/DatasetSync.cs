using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Core.Http;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>
    /// One sync of a folder and a dataset version (Sync-SeeMeDatasetVersion): <see cref="PrepareAsync"/> lists the
    /// version (its pages several at once) while it reads the folder, and plans; the caller then creates the splits
    /// and labels, sets the csv columns, and makes each change with <see cref="ApplyAsync"/> (safe to run several
    /// at once), handing each outcome to <see cref="Record"/>; <see cref="SaveState"/> writes what is now in step,
    /// also after a sync that stopped half way, so the next one starts from there.
    /// </summary>
    public sealed class DatasetSync
    {
        private readonly SeeMeClient _client;
        private readonly SyncFolder _folder;
        private readonly Dictionary<string, FileState> _state;
        private readonly SyncState? _loaded;
        private readonly UploadSteps _upload;
        private readonly DownloadSteps _download;
        private int _recorded;

        private DatasetSync(SeeMeClient client, SyncFolder folder, RemoteListing remote, SyncPlan plan, SyncState? state)
        {
            _client = client;
            _folder = folder;
            Remote = remote;
            Plan = plan;
            _loaded = state;
            _state = StartingState(state, folder, plan);
            _upload = new UploadSteps(client, remote, plan.Layout);
            _download = new DownloadSteps(client, folder.Root);
            Summary = new SyncSummary
            {
                Direction = plan.Direction, Path = folder.Root, DatasetId = remote.DatasetId, DatasetVersionId = remote.DatasetVersionId,
                Layout = plan.Layout.Format, Unchanged = plan.Unchanged, Kept = plan.Kept,
            };
        }

        public RemoteListing Remote { get; }
        public SyncPlan Plan { get; }

        /// <summary>The counts so far; <see cref="SyncSummary.Failed"/> once every change was made, skipped or failed.</summary>
        public SyncSummary Summary { get; }

        /// <summary>Lists the version and reads the folder (at the same time), then plans. Nothing is written.</summary>
        public static async Task<DatasetSync> PrepareAsync(SeeMeClient client, string datasetId, string datasetVersionId, string folder, SyncOptions options,
            CancellationToken cancellationToken = default)
        {
            var root = Path.GetFullPath(folder);
            if (options.Direction == SyncDirection.Upload && !Directory.Exists(root))
                throw new DirectoryNotFoundException($"The folder '{root}' does not exist; give the folder to sync the dataset version from.");
            var listing = ListAsync(client, datasetId, datasetVersionId, options.ThrottleLimit, cancellationToken);
            var saved = SyncState.Load(root);
            var state = saved != null && saved.DatasetVersionId == datasetVersionId ? saved : null; // another version's state says nothing of this one
            var local = new SyncFolder(root, state);
            var remote = await listing.ConfigureAwait(false);
            var layout = SyncLayouts.Choose(options, local, remote);
            var plan = options.Direction == SyncDirection.Upload
                ? await PlanUploadAsync(client, layout, local, remote, state, options, cancellationToken).ConfigureAwait(false)
                : await PlanDownloadAsync(client, layout, local, remote, state, options, cancellationToken).ConfigureAwait(false);
            return new DatasetSync(client, local, remote, plan, state);
        }

        /// <summary>Creates a split of the plan; call it on one thread, before the changes.</summary>
        public async Task<DatasetSplit> CreateSplitAsync(string name, CancellationToken cancellationToken = default)
        {
            var created = await _client.Splits.CreateAsync(Remote.DatasetId, Remote.DatasetVersionId, new DatasetSplit { Name = name }, cancellationToken).ConfigureAwait(false);
            Remote.Add(created);
            Summary.SplitsCreated++;
            return created;
        }

        /// <summary>Creates a label of the plan; call it on one thread, before the changes.</summary>
        public async Task<DatasetLabel> CreateLabelAsync(LabelSpec label, CancellationToken cancellationToken = default)
        {
            var created = await _client.Labels.CreateAsync(Remote.DatasetId, Remote.DatasetVersionId, new DatasetLabel { Name = label.Name, Color = label.Color }, cancellationToken).ConfigureAwait(false);
            Remote.Add(created);
            Summary.LabelsCreated++;
            return created;
        }

        /// <summary>Sets the version's csv columns (its <c>config</c>).</summary>
        public Task<DatasetVersion> SetColumnsAsync(CsvColumns columns, CancellationToken cancellationToken = default)
        {
            var version = Remote.Version.DeepCopy();
            version.Config = columns.ToConfig();
            return _client.DatasetVersions.UpdateAsync(version, cancellationToken);
        }

        /// <summary>Makes one change of the plan; several may run at once (each touches its own item and files).</summary>
        public Task<SyncOutcome> ApplyAsync(SyncChange change, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Plan.Direction == SyncDirection.Upload ? _upload.ApplyAsync(change, progress, cancellationToken) : _download.ApplyAsync(change, progress, cancellationToken);

        /// <summary>Counts a change that was made and keeps its files' state; the record for -PassThru.</summary>
        public SyncRecord Record(SyncOutcome outcome)
        {
            var change = outcome.Change;
            if (change.FromPath != null && _state.TryGetValue(change.FromPath, out var moved)) _state[change.Path] = moved;
            foreach (var file in outcome.Files)
            {
                if (file.Value == null) _state.Remove(file.Key);
                else _state[file.Key] = file.Value;
            }
            if (change.Is(SyncActions.Create)) Summary.Created++;
            else if (change.Is(SyncActions.Delete)) Summary.Deleted++;
            else Summary.Updated++;
            _recorded++;
            return new SyncRecord(outcome);
        }

        /// <summary>Counts a change that was not made (-WhatIf, or declined).</summary>
        public void Skip() => Summary.Skipped++;

        /// <summary>The summary once every change was made, skipped or failed.</summary>
        public SyncSummary Finish()
        {
            Summary.Failed = Plan.Changes.Count - _recorded - Summary.Skipped;
            return Summary;
        }

        /// <summary>Writes the state of the files in step (at once: never half a file), unless it is the state the sync started from.</summary>
        public void SaveState()
        {
            var now = new SyncState
            {
                DatasetId = Remote.DatasetId, DatasetVersionId = Remote.DatasetVersionId, Layout = Plan.Layout.Format.ToString().ToLowerInvariant(), Files = _state,
            };
            if (_loaded == null || !now.SameAs(_loaded)) now.Save(_folder.Root);
        }

        /// <summary>The last state's entries of files still there, and those the plan found in step.</summary>
        private static Dictionary<string, FileState> StartingState(SyncState? state, SyncFolder folder, SyncPlan plan)
        {
            var present = new HashSet<string>(folder.Files.Select(f => f.RelativePath), StringComparer.Ordinal);
            var entries = (state?.Files ?? new Dictionary<string, FileState>()).Where(e => present.Contains(e.Key))
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            foreach (var entry in plan.InStep) entries[entry.Key] = entry.Value;
            return entries;
        }

        private static async Task<RemoteListing> ListAsync(SeeMeClient client, string datasetId, string datasetVersionId, int pagesAtOnce, CancellationToken ct)
        {
            var version = client.DatasetVersions.GetAsync(datasetId, datasetVersionId, ct);
            var pages = client.Items.GetAll(datasetId, datasetVersionId, new ItemQuery { PagesAtOnce = Math.Max(1, Math.Min(pagesAtOnce, 64)) });
            var items = new List<DatasetItem>();
            for (var page = await pages.NextPageAsync(ct).ConfigureAwait(false); page.Count > 0; page = await pages.NextPageAsync(ct).ConfigureAwait(false))
                items.AddRange(page);
            return new RemoteListing(await version.ConfigureAwait(false), items);
        }

        private static async Task<SyncPlan> PlanUploadAsync(SeeMeClient client, ISyncLayout layout, SyncFolder folder, RemoteListing remote,
            SyncState? state, SyncOptions options, CancellationToken ct)
        {
            var local = layout.Read(folder, remote);
            var keys = new HashSet<string>(local.Items.SelectMany(i => new[] { i.Key, i.Name }), StringComparer.Ordinal);
            var compared = remote.Items.Where(i => keys.Contains(layout.KeyOf(i.Item)) || keys.Contains(i.Id));
            var hashes = options.Checksum ? await RemoteHashesAsync(client, compared, options.ThrottleLimit, ct).ConfigureAwait(false) : null;
            return UploadPlanner.Plan(local, remote, layout, state, options, hashes);
        }

        private static async Task<SyncPlan> PlanDownloadAsync(SeeMeClient client, ISyncLayout layout, SyncFolder folder, RemoteListing remote,
            SyncState? state, SyncOptions options, CancellationToken ct)
        {
            var hashes = options.Checksum ? await RemoteHashesAsync(client, remote.Items, options.ThrottleLimit, ct).ConfigureAwait(false) : null;
            return DownloadPlanner.Plan(remote, layout, folder, state, options, hashes);
        }

        /// <summary>The SHA-256 of the images of <paramref name="items"/> as the service has them (each downloaded to a temporary file), a few at once.</summary>
        private static async Task<IReadOnlyDictionary<string, string>> RemoteHashesAsync(SeeMeClient client, IEnumerable<RemoteItem> items, int atOnce, CancellationToken ct)
        {
            using var gate = new SemaphoreSlim(Math.Max(1, atOnce));
            var hashing = items.Where(i => i.HasImage).Select(async item =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    return new KeyValuePair<string, string>(item.Id, await RemoteHashAsync(client, item, ct).ConfigureAwait(false));
                }
                finally
                {
                    gate.Release();
                }
            });
            return (await Task.WhenAll(hashing).ConfigureAwait(false)).ToDictionary(p => p.Key, p => p.Value);
        }

        private static async Task<string> RemoteHashAsync(SeeMeClient client, RemoteItem item, CancellationToken ct)
        {
            var temp = Path.Combine(Path.GetTempPath(), "seeme-checksum-" + Guid.NewGuid().ToString("N"));
            try
            {
                await client.Items.DownloadImageToFileAsync(item.Item, temp, cancellationToken: ct).ConfigureAwait(false);
                return FileHashes.OfFile(temp);
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }
}
