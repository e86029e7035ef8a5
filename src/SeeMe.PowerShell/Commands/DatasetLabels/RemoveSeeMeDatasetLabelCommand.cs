using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetLabels
{
    /// <summary>
    /// <para type="synopsis">Deletes a label of a dataset version (and its annotations).</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. The label comes from the pipeline (-Label) or by -DatasetId, -DatasetVersionId and -Id. -PassThru outputs the deleted label.</para>
    /// <example><code>Remove-SeeMeDatasetLabel -DatasetId $ds -DatasetVersionId $dv -Id $labelId -Confirm:$false</code><para>Deletes a label without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetVersion -DatasetId $ds -Latest | Get-SeeMeDatasetLabel -Name 'old*' | Remove-SeeMeDatasetLabel -WhatIf</code><para>Shows which labels would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetLabel))]
    public sealed class RemoveSeeMeDatasetLabelCommand : VersionChildCmdlet<DatasetLabel>
    {
        /// <summary><para type="description">The label (from Get-SeeMeDatasetLabel); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetLabel? Label { get; set; }

        /// <summary><para type="description">Output the deleted object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override DatasetLabel? InputObject => Label;
        protected override VersionChildClient<DatasetLabel> Children => Client.Labels;

        protected override void ProcessRecord() => RemoveChild(PassThru);
    }
}
