using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Duplicates a dataset version: labels, splits, items and annotations (later SDKs).</para>
    /// <para type="description">The server copies the version into a new one of the same dataset and returns it. The version comes from the pipeline (-DatasetVersion) or by -DatasetId with -DatasetVersionId.</para>
    /// <example><code>Copy-SeeMeDatasetVersion -DatasetId $ds -DatasetVersionId $dv</code><para>Copies a version.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Copy-SeeMeDatasetVersion | Set-SeeMeDatasetVersion -Name v3 -PassThru</code><para>Copies the latest version and names the copy v3.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class CopySeeMeDatasetVersionCommand : DatasetVersionCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!TryGetDatasetVersion(out var version) || !ShouldChange("DatasetVersion", version, "Copy")) return;
            if (TryRun(ct => Client.DatasetVersions.DuplicateAsync(version.DatasetId, version.Id, ct), version, out var copy)) WriteObject(copy);
        }
    }
}
