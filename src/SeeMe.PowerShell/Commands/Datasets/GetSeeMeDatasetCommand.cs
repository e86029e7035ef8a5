using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Gets SeeMe datasets: yours, public ones and those shared with you.</para>
    /// <para type="description">Without parameters lists every dataset you can see. -Name filters by name (wildcards); -Owned, -Public and -SharedWithMe narrow the list; -Id gets one dataset (ids bind from the pipeline by property name, also DatasetId, so a version or an item leads back to its dataset).</para>
    /// <example><code>Get-SeeMeDataset -Owned</code><para>Lists the datasets you own.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Export-SeeMeDatasetVersion -Destination ./data</code><para>Exports the latest version of the dataset Birds into ./data.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDataset", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Dataset))]
    public sealed class GetSeeMeDatasetCommand : SeeMeCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary><para type="description">The dataset's name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        public string? Name { get; set; }

        /// <summary><para type="description">The dataset's id.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary><para type="description">Only datasets you own.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Owned { get; set; }

        /// <summary><para type="description">Only public datasets.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Public { get; set; }

        /// <summary><para type="description">Only datasets others shared with you.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter SharedWithMe { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.Datasets.GetAsync(id, ct), id, out var dataset)) WriteObject(dataset);
                return;
            }

            var pattern = string.IsNullOrEmpty(Name) ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var datasets = RunOrStop(ct => Client.Datasets.GetAllAsync(ct), null).Where(d => Matches(d, pattern)).ToList();
            WriteObject(datasets, enumerateCollection: true);
            if (datasets.Count == 0 && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteFailure(new ItemNotFoundException($"There is no dataset named '{Name}' that you can see."), Name);
        }

        private bool Matches(Dataset dataset, WildcardPattern? pattern) =>
            (pattern == null || pattern.IsMatch(dataset.Name)) &&
            (!Owned || dataset.UserId == ResolvedSession.UserId || (!dataset.SharedWithMe && !dataset.Public)) &&
            (!Public || dataset.Public) &&
            (!SharedWithMe || dataset.SharedWithMe);
    }
}
