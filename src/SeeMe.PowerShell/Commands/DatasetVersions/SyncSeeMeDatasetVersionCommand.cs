using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Sync;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Keeps a folder and a dataset version in step: sends only what changed, and is safe to run again.</para>
    /// <para type="description">Compares the folder -Path with the dataset version (from the pipeline, or -DatasetId with -DatasetVersionId) and makes the version follow the folder (-Direction Upload, the default) or the folder follow the version (-Direction Download). The folder is in a layout Export-SeeMeDatasetVersion writes (-Format, detected when not given): Folders (split/label/file, unlabelled items directly in the split folder; .jpg, .jpeg and .png images and .txt text items), Yolo (the images, a .txt of boxes per image, {split}.txt lists, one .names file) or Csv (one .csv file, a row per item). An item is its file's name without extension (a csv row: its text); a file in another label folder relabels its item, in another split folder moves it to that split with its annotations, with other content replaces its image or text; a new file creates an item; missing splits and labels are created. Upload creates, updates and deletes items; Download writes only the files that are missing or changed and moves those whose item moved.</para>
    /// <para type="description">The sync plans before it acts. -WhatIf shows each change of the plan and writes nothing, on the service or in the folder. Nothing is removed unless -Delete is given: then the items without a file (Download: the files without an item) are removed, each asked for as Remove-* asks (ConfirmImpact High; in scripts and CI pass -Confirm:$false). The sync remembers each file's hash, size and time, and each item's updated_at, in the folder's hidden .seeme/sync.json (written all at once at the end, also after Ctrl+C; Import-SeeMeDatasetVersion leaves it out), so a sync with nothing changed sends no write request. A first sync into a version that already holds items of those names (a folder exported from it) takes them as they are and creates nothing twice; -Checksum compares the images with the service's bytes instead of the state, for when there is no state or it cannot be trusted (a fresh CI checkout). Changes are sent up to -ThrottleLimit at once (default: the session's, 6), and the listing asks for that many pages at once; a run stopped half way (Ctrl+C, a crash, a dropped connection) converges when run again, and a create whose answer was lost is looked up by name before it is sent again. Outputs a SyncSummary (Created, Updated, Deleted, Unchanged, Kept, Skipped, Failed); -PassThru also outputs a SyncRecord per change made, before it.</para>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Sync-SeeMeDatasetVersion -Path ./data -WhatIf</code><para>Shows what a sync of ./data into the latest version of Birds would create, update and delete, and changes nothing.</para></example>
    /// <example><code>$version | Sync-SeeMeDatasetVersion -Path ./data -Delete -Confirm:$false</code><para>Makes the version follow ./data in a CI job: new and changed files are sent, items whose file is gone are deleted without asking.</para></example>
    /// <example><code>$version | Sync-SeeMeDatasetVersion -Path ./birds -Direction Download -PassThru | Where-Object Actions -ne None</code><para>Brings ./birds up to date with the version, downloading only the images that are new or changed, and lists each change.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(SyncSummary), typeof(SyncRecord))]
    public sealed class SyncSeeMeDatasetVersionCommand : DatasetVersionCmdlet, IThrottledCmdlet
    {
        /// <summary><para type="description">The folder to sync (for a download created when missing).</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">Upload: the version follows the folder (default). Download: the folder follows the version.</para></summary>
        [Parameter]
        public SyncDirection Direction { get; set; } = SyncDirection.Upload;

        /// <summary><para type="description">The folder's layout: Folders, Yolo or Csv (default: detected from the folder, as Import-SeeMeDatasetVersion detects it; an empty folder being downloaded into gets the service's choice).</para></summary>
        [Parameter]
        public DatasetFormat? Format { get; set; }

        /// <summary><para type="description">Also removes what the other side no longer has: items without a file (Download: files without an item). Each removal is asked for unless -Confirm:$false.</para></summary>
        [Parameter]
        public SwitchParameter Delete { get; set; }

        /// <summary><para type="description">Compares the images with the service's bytes (each downloaded) instead of the state of the last sync.</para></summary>
        [Parameter]
        public SwitchParameter Checksum { get; set; }

        /// <summary><para type="description">Also outputs a SyncRecord for each change made, in plan order, before the summary.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (changes, and pages of the listing); 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override string InputActivity => $"Syncing '{Path}' ({Direction})";

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var folder = ResolveFolder(Path);
            var options = new SyncOptions { Direction = Direction, Format = Format, Delete = Delete, Checksum = Checksum, ThrottleLimit = ThrottleLimitInEffect };
            var sync = RunOrStop(ct => DatasetSync.PrepareAsync(Client, version.DatasetId, version.DatasetVersionId, folder, options, ct), folder);
            try
            {
                CreateSplitsAndLabels(sync);
                MakeChanges(sync);
            }
            finally
            {
                if (!WhatIfRequested) sync.SaveState();
            }
            WriteObject(sync.Finish());
        }

        private void CreateSplitsAndLabels(DatasetSync sync)
        {
            var where = $"in dataset version {sync.Remote.DatasetVersionId}";
            foreach (var split in sync.Plan.SplitsToCreate)
                if (ShouldProcess($"DatasetSplit '{split}' {where}", "Create")) TryRun(ct => sync.CreateSplitAsync(split, ct), split, out _);
            foreach (var label in sync.Plan.LabelsToCreate)
                if (ShouldProcess($"DatasetLabel '{label.Name}' {where}", "Create")) TryRun(ct => sync.CreateLabelAsync(label, ct), label.Name, out _);
            var columns = sync.Plan.ColumnsToSet;
            if (columns != null && ShouldChange("DatasetVersion", sync.Remote.Version, $"Set the csv columns to {columns.Header}"))
                TryRun(ct => sync.SetColumnsAsync(columns, ct), sync.Remote.Version, out _);
        }

        /// <summary>Each change of the plan, asked for (deletions as Remove-* asks) and sent as a per-item call; the summary waits for all of them.</summary>
        private void MakeChanges(DatasetSync sync)
        {
            ExpectInputs(sync.Plan.Changes.Count);
            foreach (var change in sync.Plan.Changes)
            {
                var asked = change.DeletesExtra ? ShouldProcessHighImpact(change.Target, change.Description) : ShouldProcess(change.Target, change.Description);
                if (!asked) sync.Skip();
                else if (change.MovesImage) RunTransferInput(Transfer(change), (progress, ct) => sync.ApplyAsync(change, progress, ct), change.Target, outcome => Made(sync, outcome));
                else RunInput(ct => sync.ApplyAsync(change, null, ct), change.Target, outcome => Made(sync, outcome));
            }
            FinishInputs();
        }

        private string Transfer(SyncChange change) => (Direction == SyncDirection.Upload ? "Uploading " : "Downloading ") + change.Path;

        private void Made(DatasetSync sync, SyncOutcome outcome)
        {
            var record = sync.Record(outcome);
            if (PassThru) WriteObject(record);
        }
    }
}
