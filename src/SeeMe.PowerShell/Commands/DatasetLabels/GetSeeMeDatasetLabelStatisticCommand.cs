using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetLabels
{
    /// <summary>
    /// <para type="synopsis">Counts items and annotations per label in the splits of a dataset version (later SDKs).</para>
    /// <para type="description">Outputs one LabelStat per label and split: Count, AnnotationCount and ItemCount, with the names of the label and the split (Label, Split) next to their ids. The entry whose LabelId is empty counts the unlabelled items. Without -Split every split of the version is counted; -Split takes a split object, id or name.</para>
    /// <example><code>Get-SeeMeDatasetLabelStatistic -DatasetId $ds -DatasetVersionId $dv -Split train</code><para>Counts per label in the split train.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetLabelStatistic | Where-Object LabelId -eq ''</code><para>Shows how many items are still unlabelled in each split.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDatasetLabelStatistic", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(LabelStat))]
    public sealed class GetSeeMeDatasetLabelStatisticCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">Only this split: a split object, its id or its name.</para></summary>
        [Parameter(Position = 0)]
        [IdFromEntity]
        public string? Split { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var splitIds = Split != null
                ? new[] { ResolveSplitId(version, Split)! }
                : TryGetSplits(version, out var splits) ? splits.Select(s => s.Id).ToArray() : new string[0];
            foreach (var splitId in splitIds)
                if (TryRun(ct => Client.Labels.GetStatsAsync(version.DatasetId, version.DatasetVersionId, splitId, ct), splitId, out var stats))
                    WriteObject(stats, enumerateCollection: true);
        }
    }
}
