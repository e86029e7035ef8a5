using System.Management.Automation;
using SeeMe.Core.Clients;
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
    public sealed class GetSeeMeDatasetSplitCommand : GetVersionChildCmdlet<DatasetSplit>
    {
        protected override VersionChildClient<DatasetSplit> Children => Client.Splits;
    }
}
