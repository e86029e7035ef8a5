using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Gets the versions of a SeeMe dataset.</para>
    /// <para type="description">Lists the versions (with their labels and splits) of the dataset piped in (-Dataset) or given by -DatasetId. -Name filters by name (wildcards), -Latest keeps only the most recently created version, -Id gets given versions.</para>
    /// <example><code>Get-SeeMeDatasetVersion -DatasetId $id -Name 'v*'</code><para>Lists the versions whose name starts with v.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetItem -First 10</code><para>Shows the first ten items of the latest version of the dataset Birds.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDatasetVersion", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class GetSeeMeDatasetVersionCommand : DatasetScopedCmdlet
    {
        // Its own sets (List, Id), each with the dataset as an object or by -DatasetId.
        private const string ListSet = "List";
        private const string ListByIdSet = ListSet + DatasetIdSet;
        private const string IdSet = "Id";
        private const string IdByIdSet = IdSet + DatasetIdSet;

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [EntityFromId(typeof(Dataset))]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        [ValidateNotNull]
        public override Dataset? Dataset { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListByIdSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdByIdSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <summary><para type="description">The version's name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [Parameter(Position = 0, ParameterSetName = ListByIdSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Only the most recently created version.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ListByIdSet)]
        public SwitchParameter Latest { get; set; }

        /// <summary><para type="description">The versions' ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [Parameter(Mandatory = true, ParameterSetName = IdByIdSet)]
        [Alias("DatasetVersionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var datasetId = LocateDatasetId();
            if (IsBound(nameof(Id)))
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.DatasetVersions.GetAsync(datasetId, id, ct), id, out var version)) WriteObject(version);
                return;
            }
            if (!TryRun(ct => Client.DatasetVersions.GetAllAsync(datasetId, ct), datasetId, out var versions)) return;
            WriteObject(Select(versions), enumerateCollection: true);
        }

        private IEnumerable<DatasetVersion> Select(List<DatasetVersion> versions)
        {
            var pattern = string.IsNullOrEmpty(Name) ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var matching = versions.Where(v => pattern == null || pattern.IsMatch(v.Name)).ToList();
            // Stable sort: versions without timestamps keep the server's order, whose last is the newest.
            return Latest ? matching.Select((v, i) => (v, i)).OrderBy(p => p.v.CreatedAt).ThenBy(p => p.i).Select(p => p.v).Skip(matching.Count - 1) : matching;
        }
    }
}
