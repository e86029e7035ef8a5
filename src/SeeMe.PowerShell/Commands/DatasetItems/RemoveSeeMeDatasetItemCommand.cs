using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Deletes items, or with -Split removes them from one split only.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. Without -Split deletes the item with its image and annotations (0.13.7); with -Split (an object, id or name) only takes it out of that split (later SDKs). The item comes from the pipeline (-Item) or by -DatasetId, -DatasetVersionId and -Id. Piped items are removed up to -ThrottleLimit at once (default: the session's, 4). -PassThru outputs the removed items, in input order.</para>
    /// <example><code>Remove-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Confirm:$false</code><para>Deletes an item without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Split valid -Unlabelled | Remove-SeeMeDatasetItem -Split valid -WhatIf</code><para>Shows which unlabelled items would be taken out of the split valid.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeDatasetItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class RemoveSeeMeDatasetItemCommand : RemoveVersionChildCmdlet<DatasetItem>, IThrottledCmdlet
    {
        private string? _splitId;

        /// <summary><para type="description">The item (from Get-SeeMeDatasetItem); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetItem? Item { get; set; }

        /// <summary><para type="description">Only remove the item from this split (an object, id or name); the item itself stays.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 4). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override DatasetItem? InputObject => Item;
        protected override string VersionIdOf(DatasetItem entity) => entity.DatasetVersionId;
        protected override string RemoveAction => _splitId == null ? "Remove" : $"Remove from split '{Split}'";
        protected override void Prepare(VersionIds version) => _splitId = ResolveSplitId(version, Split);
        protected override Task<DatasetItem> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Items.GetAsync(version.DatasetId, version.VersionId, id, ct);
        protected override Task<DatasetItem> DeleteAsync(VersionIds version, string id, CancellationToken ct) => Client.Items.DeleteAsync(version.DatasetId, version.VersionId, id, _splitId, ct);
    }
}
