using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Changes an item's name, description or text.</para>
    /// <para type="description">The item comes from the pipeline (-Item) or by -DatasetId, -DatasetVersionId and -Id. Only the parameters given change; the item's splits and annotations are sent back as they are. -PassThru outputs the updated item. To change labels use Add-, Set- and Remove-SeeMeAnnotation; to replace the image use Set-SeeMeDatasetItemImage.</para>
    /// <example><code>Set-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Text 'Corrected text'</code><para>Changes a text item's text.</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Unlabelled | Set-SeeMeDatasetItem -Description 'to review' -PassThru</code><para>Marks every unlabelled item for review.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetItem", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class SetSeeMeDatasetItemCommand : SetVersionChildCmdlet<DatasetItem>
    {
        /// <summary><para type="description">The item (from Get-SeeMeDatasetItem); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetItem? Item { get; set; }

        /// <summary><para type="description">The new text.</para></summary>
        [Parameter]
        public string? Text { get; set; }

        protected override DatasetItem? InputObject => Item;
        protected override string VersionIdOf(DatasetItem entity) => entity.DatasetVersionId;
        protected override Task<DatasetItem> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Items.GetAsync(version.DatasetId, version.VersionId, id, ct);

        protected override Task<DatasetItem> PutAsync(VersionIds version, DatasetItem item, CancellationToken ct)
        {
            item.DatasetId = version.DatasetId;
            item.DatasetVersionId = version.VersionId;
            return Client.Items.UpdateAsync(item, ct);
        }

        protected override void EditMore(DatasetItem item)
        {
            if (Text != null) item.Text = Text;
        }
    }
}
