using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that work on one item (changing or removing it, its image, its annotations): -Item from the
    /// pipeline, or -DatasetId, -DatasetVersionId and -Id.
    /// </summary>
    public abstract class ItemCmdlet : VersionScopedCmdlet
    {
        /// <summary><para type="description">The item (from Get-SeeMeDatasetItem); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public virtual DatasetItem? Item { get; set; }

        /// <summary><para type="description">The id (with -DatasetId and -DatasetVersionId, instead of the object). Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public virtual string Id { get; set; } = "";

        protected override VersionIds? IdsFromObject =>
            Item == null ? (VersionIds?)null : new VersionIds(Item.DatasetId, Item.DatasetVersionId);

        /// <summary>The item given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetItem(out DatasetItem item)
        {
            var version = LocateVersion();
            return TryFetch(Item, Id, (id, ct) => Client.Items.GetAsync(version.DatasetId, version.DatasetVersionId, id, ct), out item);
        }
    }
}
