using System;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Files;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Uploads a dataset zip, or a folder zipped on the fly, into a dataset version.</para>
    /// <para type="description">The server reads the layout of -Format (Folders, Yolo or Csv; default: it detects the layout) and creates the splits, labels, items and annotations it finds. A folder is zipped into a temporary file first (deleted afterwards), so the folder written by Export-SeeMeDatasetVersion imports as it is. Write-Progress shows the upload. Outputs the updated version. The version comes from the pipeline (-DatasetVersion) or by -DatasetId with -DatasetVersionId.</para>
    /// <example><code>Import-SeeMeDatasetVersion -DatasetId $ds -DatasetVersionId $dv -Path ./birds.zip -Format Folders</code><para>Imports a zip in the folders layout.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | New-SeeMeDatasetVersion -Name v2 | Import-SeeMeDatasetVersion -Path ./data</code><para>Creates a new version and imports the folder ./data into it.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Import, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class ImportSeeMeDatasetVersionCommand : DatasetVersionCmdlet
    {
        // Its own sets (Path, LiteralPath), each with the version as an object or by -DatasetId and -DatasetVersionId.

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LiteralPathSet)]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        [ValidateNotNull]
        public override DatasetVersion? DatasetVersion { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public override string? DatasetVersionId { get; set; }

        /// <summary><para type="description">A .zip file or a folder; wildcards allowed (they must match one).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathByIdsSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">A .zip file or a folder, taken exactly as written (binds from Get-Item / Get-ChildItem).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathByIdsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = "";

        /// <summary><para type="description">The zip layout: Folders, Yolo or Csv (default: the server detects it).</para></summary>
        [Parameter]
        public DatasetFormat? Format { get; set; }

        protected override void ProcessRecord()
        {
            var (path, literal) = GivenPath(Path, LiteralPath);
            var source = ResolveOnePath(path, literal, "one zip or folder", foldersToo: true);
            if (source == null) return;
            if (!TryGetDatasetVersion(out var version) || !ShouldChange("DatasetVersion", version, $"Import '{source}'")) return;
            var zip = Directory.Exists(source) ? ZipFolder(source) : source;
            try
            {
                var progress = TransferProgress($"Importing into dataset version '{version.Name}'");
                if (TryRun(ct => Client.DatasetVersions.ImportAsync(version.DatasetId, version.Id, zip, Format, progress, ct), source, out var updated))
                    WriteObject(updated);
            }
            finally
            {
                if (zip != source) File.Delete(zip);
            }
        }

        private string ZipFolder(string folder)
        {
            var zip = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "seeme-import-" + Guid.NewGuid().ToString("N") + ".zip");
            WriteVerbose($"Zipping '{folder}' into '{zip}'.");
            ZipFolders.CreateFromFolder(folder, zip);
            return zip;
        }
    }
}
