using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetLabels
{
    /// <summary>
    /// <para type="synopsis">Gets the labels (classes) of a dataset version.</para>
    /// <para type="description">Lists the labels of the version piped in (-DatasetVersion) or given by -DatasetId with -DatasetVersionId. -Name filters by name (wildcards); -Id gets given labels. For counts per label and split use Get-SeeMeDatasetLabelStatistic.</para>
    /// <example><code>Get-SeeMeDatasetLabel -DatasetId $ds -DatasetVersionId $dv -Name 'c*'</code><para>Gets the labels whose name starts with c.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetLabel</code><para>Lists the labels of the latest version of the dataset Birds.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDatasetLabel", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetLabel))]
    public sealed class GetSeeMeDatasetLabelCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">The name; wildcards allowed.</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">The ids to get.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void ProcessRecord() => WriteChildren(Client.Labels, Name, Id);
    }
}
