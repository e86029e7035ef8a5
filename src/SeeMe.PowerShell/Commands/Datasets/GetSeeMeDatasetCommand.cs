using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

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
    public sealed class GetSeeMeDatasetCommand : GetOwnedEntityCmdlet<Dataset>
    {
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

        protected override string? NamePattern => Name;
        protected override string[] Ids => Id;
        protected override string Noun => "dataset";

        protected override Task<List<Dataset>> GetAllAsync(CancellationToken cancellationToken) => Client.Datasets.GetAllAsync(cancellationToken);

        protected override Task<Dataset> GetAsync(string id, CancellationToken cancellationToken) => Client.Datasets.GetAsync(id, cancellationToken);
    }
}
