using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Changes a SeeMe dataset's name, description, notes, content type or multi-label setting.</para>
    /// <para type="description">Only the parameters given change; the rest of the dataset is sent back as it is. The dataset comes from the pipeline (-Dataset) or by -DatasetId. Outputs the updated dataset with -PassThru.</para>
    /// <example><code>Set-SeeMeDataset -DatasetId $id -Description 'Birds of Belgium'</code><para>Changes a dataset's description.</para></example>
    /// <example><code>Get-SeeMeDataset -Name 'Birds*' | Set-SeeMeDataset -MultiLabel -PassThru</code><para>Makes every dataset whose name starts with Birds multi-label and shows the result.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDataset", SupportsShouldProcess = true, DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(Dataset))]
    public sealed class SetSeeMeDatasetCommand : DatasetScopedCmdlet
    {
        /// <summary><para type="description">The new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">The new notes.</para></summary>
        [Parameter]
        public string? Notes { get; set; }

        /// <summary><para type="description">Items may carry more than one label (-MultiLabel:$false turns it off).</para></summary>
        [Parameter]
        public SwitchParameter MultiLabel { get; set; }

        /// <summary><para type="description">The new content type: images, text, tabular, ner or documents.</para></summary>
        [Parameter]
        [ValidateSet("images", "text", "tabular", "ner", "documents")]
        public string? ContentType { get; set; }

        /// <summary><para type="description">Output the updated dataset.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetDataset(out var dataset)) Update("Dataset", dataset, Edit, (d, ct) => Client.Datasets.UpdateAsync(d, ct), PassThru);
        }

        private void Edit(Dataset dataset)
        {
            ApplyNameAndDescription(dataset, Name, Description);
            if (Notes != null) dataset.Notes = Notes;
            if (IsBound(nameof(MultiLabel))) dataset.MultiLabel = MultiLabel;
            if (ContentType != null) dataset.ContentType = ContentType.ToLowerInvariant();
        }
    }
}
