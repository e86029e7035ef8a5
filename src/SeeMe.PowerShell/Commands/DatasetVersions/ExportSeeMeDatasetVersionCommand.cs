using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Files;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Downloads a dataset version (or one split) and extracts it into a folder.</para>
    /// <para type="description">Downloads the version's zip (Write-Progress shows the transfer) in the layout of -Format (Folders: one folder per split and per label; Yolo: YOLO text files; Csv: one CSV file; default: the server's choice for the dataset), extracts it safely into -Destination (created when missing, also when the export is empty, which a warning says; other files are left alone; an entry pointing outside the folder refuses the whole zip) and deletes the zip. Files the export would replace (in the folder, or the kept zip) are replaced with -Force or after you confirm; in a host that cannot ask, that is a DatasetVersionFileExists error and nothing is replaced. Outputs the destination folder (DirectoryInfo); with -KeepZip the zip is kept beside the folder as &lt;folder&gt;.zip and its FileInfo is output after the folder. The version comes from the pipeline (-DatasetVersion) or by -DatasetId with -DatasetVersionId; -Split takes a split object, id or name.</para>
    /// <example><code>Export-SeeMeDatasetVersion -DatasetId $ds -DatasetVersionId $dv -Split train -Format Folders -Destination ./train -KeepZip</code><para>Exports the train split into ./train and keeps ./train.zip.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Export-SeeMeDatasetVersion -Destination ./data</code><para>Exports the latest version of the dataset Birds into ./data.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DirectoryInfo), typeof(FileInfo))]
    public sealed class ExportSeeMeDatasetVersionCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">The folder to extract into (created when missing).</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = "";

        /// <summary><para type="description">Only this split: a split object, its id or its name.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">The zip layout: Folders, Yolo or Csv (default: the server's choice for the dataset).</para></summary>
        [Parameter]
        public DatasetFormat? Format { get; set; }

        /// <summary><para type="description">Replaces files of the same name (in the destination folder, and the kept zip) without asking.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Keep the downloaded zip beside the destination folder (&lt;folder&gt;.zip) and output it too.</para></summary>
        [Parameter]
        public SwitchParameter KeepZip { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetDatasetVersion(out var version)) return;
            var ids = new VersionIds(version.DatasetId, version.Id);
            var splitId = ResolveSplitId(ids, Split);
            var folder = ResolveFolder(Destination);
            if (!ShouldChange("DatasetVersion", version, $"Export to '{folder}'")) return;
            var zip = KeepZip ? folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".zip"
                              : Path.Combine(Path.GetTempPath(), "seeme-export-" + Guid.NewGuid().ToString("N") + ".zip");
            if (KeepZip && !ConfirmReplace(zip, File.Exists(zip), $"'{zip}' exists. Replace it?", Force)) return;
            try
            {
                Export(version, splitId, folder, zip);
            }
            finally
            {
                if (!KeepZip && File.Exists(zip)) File.Delete(zip);
            }
        }

        private void Export(DatasetVersion version, string? splitId, string folder, string zip)
        {
            var activity = $"Exporting dataset version '{version.Name}'";
            if (!TryRun(ct => Client.DatasetVersions.ExportAsync(version.DatasetId, version.Id, zip, splitId, Format, true, TransferProgress(activity), ct), version, out var zipFile)) return;
            try
            {
                var replaced = FilesReplaced(zipFile.FullName, folder);
                if (!ConfirmReplace(folder, replaced > 0, $"'{folder}' holds {replaced} of the exported files. Replace them?", Force)) return;
                WriteProgress(new ProgressRecord(1, activity, $"Extracting into {folder}") { PercentComplete = 100 });
                Directory.CreateDirectory(folder);
                ZipFolders.ExtractSafely(zipFile.FullName, folder, overwrite: true);
                if (HoldsNoFiles(zipFile.FullName))
                    WriteWarning($"The export of dataset version '{version.Name}' is empty: none of its items is in {(splitId == null ? "a split" : "the split")}. '{folder}' holds no files.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                WriteFailure(e, zipFile.FullName);
                return;
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            WriteObject(new DirectoryInfo(folder));
            if (KeepZip) WriteObject(zipFile);
        }

        private static bool HoldsNoFiles(string zip)
        {
            using var archive = ZipFile.OpenRead(zip);
            return archive.Entries.All(e => e.Name.Length == 0);
        }

        /// <summary>How many files of the zip already exist in the folder (what extracting would replace).</summary>
        private static int FilesReplaced(string zip, string folder)
        {
            if (!Directory.Exists(folder)) return 0;
            using var archive = ZipFile.OpenRead(zip);
            return archive.Entries.Count(e => e.Name.Length > 0 && File.Exists(Path.Combine(folder, e.FullName)));
        }
    }
}
