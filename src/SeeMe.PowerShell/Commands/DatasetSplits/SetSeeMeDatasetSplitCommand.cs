using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetSplits
{
    /// <summary>
    /// <para type="synopsis">Renames a split or changes its description.</para>
    /// <para type="description">The split comes from the pipeline (-Split) or by -DatasetId, -DatasetVersionId and -Id. Only the parameters given change. -PassThru outputs the updated split.</para>
    /// <example><code>Set-SeeMeDatasetSplit -DatasetId $ds -DatasetVersionId $dv -Id $splitId -Name validation</code><para>Renames a split.</para></example>
    /// <example><code>Get-SeeMeDatasetVersion -DatasetId $ds -Latest | Get-SeeMeDatasetSplit -Name valid | Set-SeeMeDatasetSplit -Description 'Hand-checked' -PassThru</code><para>Changes the description of the split valid.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetSplit", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetSplit))]
    public sealed class SetSeeMeDatasetSplitCommand : SetVersionChildCmdlet<DatasetSplit>
    {
        /// <summary><para type="description">The split (from Get-SeeMeDatasetSplit); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetSplit? Split { get; set; }

        protected override DatasetSplit? InputObject => Split;
        protected override string VersionIdOf(DatasetSplit entity) => entity.DatasetVersionId;
        protected override Task<DatasetSplit> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Splits.GetAsync(version.DatasetId, version.VersionId, id, ct);
        protected override Task<DatasetSplit> PutAsync(VersionIds version, DatasetSplit entity, CancellationToken ct) => Client.Splits.UpdateAsync(version.DatasetId, version.VersionId, entity, ct);
    }
}
