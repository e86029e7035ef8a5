using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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
    public sealed class RemoveSeeMeDatasetLabelCommand : RemoveVersionChildCmdlet<DatasetLabel>
    {
        /// <summary><para type="description">The label (from Get-SeeMeDatasetLabel); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetLabel? Label { get; set; }

        protected override DatasetLabel? InputObject => Label;
        protected override string VersionIdOf(DatasetLabel entity) => entity.DatasetVersionId;
        protected override Task<DatasetLabel> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Labels.GetAsync(version.DatasetId, version.VersionId, id, ct);
        protected override Task<DatasetLabel> DeleteAsync(VersionIds version, string id, CancellationToken ct) => Client.Labels.DeleteAsync(version.DatasetId, version.VersionId, id, ct);
    }
}
