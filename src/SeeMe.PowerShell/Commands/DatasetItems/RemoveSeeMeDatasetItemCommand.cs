using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Deletes items, or with -Split removes them from one split only.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. Items are removed as the newer SDK removes them, through their splits (DELETE .../splits/{split}/items/{id}). With -Split (an object, id or name) the item is taken out of that split only; an item whose only split that was is deleted. Without -Split the item is deleted: it is taken out of each of its splits, and removed from its last split it is deleted with its image and annotations (an item in no split is deleted directly). The item comes from the pipeline (-Item) or by -DatasetId, -DatasetVersionId and -Id. Piped items are removed up to -ThrottleLimit at once (default: the session's, 4). -PassThru outputs the removed items, in input order.</para>
    /// <example><code>Remove-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Confirm:$false</code><para>Deletes an item without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Split valid -Unlabelled | Remove-SeeMeDatasetItem -Split valid -WhatIf</code><para>Shows which unlabelled items would be taken out of the split valid.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class RemoveSeeMeDatasetItemCommand : RemoveVersionChildCmdlet<DatasetItem>, IThrottledCmdlet
    {
        private readonly ConcurrentDictionary<string, DatasetItem> _fetched = new ConcurrentDictionary<string, DatasetItem>();
        private string? _splitId;

        /// <summary><para type="description">The item (from Get-SeeMeDatasetItem); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetItem? Item { get; set; }

        /// <summary><para type="description">Only remove the item from this split (an object, id or name); the item stays unless that was its only split.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override DatasetItem? InputObject => Item;
        protected override string VersionIdOf(DatasetItem entity) => entity.DatasetVersionId;
        protected override string RemoveAction => _splitId == null ? "Remove" : $"Remove from split '{Split}'";
        protected override void Prepare(VersionIds version) => _splitId = ResolveSplitId(version, Split);

        protected override async Task<DatasetItem> GetAsync(VersionIds version, string id, CancellationToken ct) =>
            _fetched[id] = await Client.Items.GetAsync(version.DatasetId, version.VersionId, id, ct).ConfigureAwait(false);

        // The whole item (its splits) is needed to delete it through its splits: the piped one, or the one fetched by id.
        protected override Task<DatasetItem> DeleteAsync(VersionIds version, string id, CancellationToken ct) =>
            _splitId != null
                ? Client.Items.DeleteAsync(version.DatasetId, version.VersionId, id, _splitId, ct)
                : Client.Items.DeleteAsync(Item != null && Item.Id == id ? Item : _fetched[id], ct);
    }
}
