using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Deletes items, or with -Split removes them from one split only.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. Items are removed as the newer SDK removes them, through their splits (DELETE .../splits/{split}/items/{id}). With -Split (an object, id or name) the item is taken out of that split only; an item whose only split that was is deleted. Without -Split the item is deleted: it is taken out of each of its splits, and removed from its last split it is deleted with its image and annotations (an item in no split is deleted directly). The item comes from the pipeline (-Item) or by -DatasetId, -DatasetVersionId and -Id. Piped items are removed up to -ThrottleLimit at once (default: the session's, 6). -PassThru outputs the removed items, in input order.</para>
    /// <example><code>Remove-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Confirm:$false</code><para>Deletes an item without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Split valid -Unlabelled | Remove-SeeMeDatasetItem -Split valid -WhatIf</code><para>Shows which unlabelled items would be taken out of the split valid.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class RemoveSeeMeDatasetItemCommand : ItemCmdlet, IThrottledCmdlet
    {
        /// <inheritdoc/>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public override DatasetItem? Item { get; set; }

        /// <summary><para type="description">Only remove the item from this split (an object, id or name); the item stays unless that was its only split.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <summary><para type="description">Output the deleted object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var splitId = ResolveSplitId(version, Split);
            if (!TryGetItem(out var item)) return;
            var action = splitId == null ? "Remove" : $"Remove from split '{Split}'";
            Remove(ErrorNoun, item, ct => DeleteAsync(version, item, splitId, ct), PassThru, action);
        }

        // The whole item (its splits) is needed to delete it through its splits: the piped one, or the one fetched by id.
        private Task<DatasetItem> DeleteAsync(VersionIds version, DatasetItem item, string? splitId, CancellationToken ct) =>
            splitId != null
                ? Client.Items.DeleteAsync(version.DatasetId, version.DatasetVersionId, item.Id, splitId, ct)
                : Client.Items.DeleteAsync(item, ct);
    }
}
