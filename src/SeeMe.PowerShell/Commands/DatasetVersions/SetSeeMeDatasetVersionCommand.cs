using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Changes a dataset version's name or description.</para>
    /// <para type="description">The version comes from the pipeline (-DatasetVersion) or by -DatasetId with -DatasetVersionId. Only the parameters given change. -PassThru outputs the updated version.</para>
    /// <example><code>Set-SeeMeDatasetVersion -DatasetId $ds -DatasetVersionId $dv -Name 'v1 (frozen)'</code><para>Renames a version.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Set-SeeMeDatasetVersion -Description 'Cleaned' -PassThru</code><para>Changes the description of the latest version and shows it.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class SetSeeMeDatasetVersionCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">The new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Output the updated version.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetDatasetVersion(out var version))
                Update("DatasetVersion", version, v => ApplyNameAndDescription(v, Name, Description), (v, ct) => Client.DatasetVersions.UpdateAsync(v, ct), PassThru);
        }
    }
}
