using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetSplits
{
    /// <summary>
    /// <para type="synopsis">Gets the splits (train, valid, test, ...) of a dataset version.</para>
    /// <para type="description">Lists the splits of the version piped in (-DatasetVersion) or given by -DatasetId with -DatasetVersionId. -Name filters by name (wildcards); -Id gets given splits.</para>
    /// <example><code>Get-SeeMeDatasetSplit -DatasetId $ds -DatasetVersionId $dv -Name train</code><para>Gets the split named train.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetSplit</code><para>Lists the splits of the latest version of the dataset Birds.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDatasetSplit", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetSplit))]
    public sealed class GetSeeMeDatasetSplitCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">The name; wildcards allowed.</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">The ids to get.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void ProcessRecord() => WriteChildren(Client.Splits, Name, Id);
    }
}
