using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Deletes a SeeMe dataset with all its versions, items and files.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. The dataset comes from the pipeline (-Dataset) or by -DatasetId. A dataset that cannot be found is a non-terminating DatasetNotFound error, so a pipeline goes on with the next one. -PassThru outputs the deleted dataset.</para>
    /// <example><code>Remove-SeeMeDataset -DatasetId $id -Confirm:$false</code><para>Deletes a dataset without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDataset -Name 'tmp-*' | Remove-SeeMeDataset -WhatIf</code><para>Shows which datasets whose name starts with tmp- would be deleted, without deleting them.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(Dataset))]
    public sealed class RemoveSeeMeDatasetCommand : DatasetScopedCmdlet
    {
        /// <summary><para type="description">Output the deleted dataset.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetDataset(out var dataset)) Remove("Dataset", dataset, ct => Client.Datasets.DeleteAsync(dataset.Id, ct), PassThru);
        }
    }
}
