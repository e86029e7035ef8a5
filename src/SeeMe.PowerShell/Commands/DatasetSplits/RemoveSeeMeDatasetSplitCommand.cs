using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetSplits
{
    /// <summary>
    /// <para type="synopsis">Deletes a split of a dataset version.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. The split comes from the pipeline (-Split) or by -DatasetId, -DatasetVersionId and -Id. -PassThru outputs the deleted split.</para>
    /// <example><code>Remove-SeeMeDatasetSplit -DatasetId $ds -DatasetVersionId $dv -Id $splitId -Confirm:$false</code><para>Deletes a split without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetVersion -DatasetId $ds -Latest | Get-SeeMeDatasetSplit -Name 'tmp*' | Remove-SeeMeDatasetSplit -WhatIf</code><para>Shows which splits would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetSplit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetSplit))]
    public sealed class RemoveSeeMeDatasetSplitCommand : RemoveVersionChildCmdlet<DatasetSplit>
    {
        /// <summary><para type="description">The split (from Get-SeeMeDatasetSplit); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetSplit? Split { get; set; }

        protected override DatasetSplit? InputObject => Split;
        protected override string VersionIdOf(DatasetSplit entity) => entity.DatasetVersionId;
        protected override Task<DatasetSplit> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Splits.GetAsync(version.DatasetId, version.VersionId, id, ct);
        protected override Task<DatasetSplit> DeleteAsync(VersionIds version, string id, CancellationToken ct) => Client.Splits.DeleteAsync(version.DatasetId, version.VersionId, id, ct);
    }
}
