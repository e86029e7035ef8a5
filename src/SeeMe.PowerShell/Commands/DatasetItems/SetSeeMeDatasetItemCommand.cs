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
    public sealed class SetSeeMeDatasetItemCommand : ItemCmdlet
    {
        /// <inheritdoc/>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public override DatasetItem? Item { get; set; }

        /// <summary><para type="description">The new text.</para></summary>
        [Parameter]
        public string? Text { get; set; }

        /// <summary><para type="description">The new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Output the updated object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            if (TryGetItem(out var item)) Update(ErrorNoun, item, Edit, (changed, ct) => PutAsync(version, changed, ct), PassThru);
        }

        private void Edit(DatasetItem item)
        {
            ApplyNameAndDescription(item, Name, Description);
            if (Text != null) item.Text = Text;
        }

        private Task<DatasetItem> PutAsync(VersionIds version, DatasetItem item, CancellationToken ct)
        {
            item.DatasetId = version.DatasetId;
            item.DatasetVersionId = version.DatasetVersionId;
            return Client.Items.UpdateAsync(item, ct);
        }
    }
}
