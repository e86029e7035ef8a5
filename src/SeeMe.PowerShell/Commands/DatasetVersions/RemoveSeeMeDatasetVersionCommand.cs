using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Deletes a dataset version with its splits, labels, items and annotations.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. The version comes from the pipeline (-DatasetVersion) or by -DatasetId with -DatasetVersionId. -PassThru outputs the deleted version.</para>
    /// <example><code>Remove-SeeMeDatasetVersion -DatasetId $ds -DatasetVersionId $dv -Confirm:$false</code><para>Deletes a version without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Name 'tmp*' | Remove-SeeMeDatasetVersion -WhatIf</code><para>Shows which versions would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class RemoveSeeMeDatasetVersionCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">Output the deleted version.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetDatasetVersion(out var version)) Remove("DatasetVersion", version, ct => Client.DatasetVersions.DeleteAsync(version.DatasetId, version.Id, ct), PassThru);
        }
    }
}
