using System.Management.Automation;
using SeeMe.Core.Clients;
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
    public sealed class SetSeeMeDatasetSplitCommand : VersionChildCmdlet<DatasetSplit>
    {
        /// <summary><para type="description">The split (from Get-SeeMeDatasetSplit); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetSplit? Split { get; set; }

        /// <summary><para type="description">The new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Output the updated object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override DatasetSplit? InputObject => Split;
        protected override VersionChildClient<DatasetSplit> Children => Client.Splits;

        protected override void ProcessRecord() => UpdateChild(Name, Description, _ => { }, PassThru);
    }
}
