using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Creates a SeeMe dataset (with its first version).</para>
    /// <para type="description">Creates a dataset; the server creates its first version at once, and with -DefaultSplits the splits train, valid and test in it. Names bind from the pipeline, so several datasets can be created at once.</para>
    /// <example><code>New-SeeMeDataset -Name Birds -ContentType images -DefaultSplits</code><para>Creates an image dataset with train, valid and test splits.</para></example>
    /// <example><code>New-SeeMeDataset -Name Pets -DefaultSplits | Get-SeeMeDatasetVersion | New-SeeMeDatasetLabel -Name cat, dog</code><para>Creates a dataset and adds the labels cat and dog to its first version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeDataset", SupportsShouldProcess = true)]
    [OutputType(typeof(Dataset))]
    public sealed class NewSeeMeDatasetCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The new dataset's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">What the dataset is about.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        /// <summary><para type="description">Items may carry more than one label.</para></summary>
        [Parameter]
        public SwitchParameter MultiLabel { get; set; }

        /// <summary><para type="description">Free-form notes (markdown).</para></summary>
        [Parameter]
        public string Notes { get; set; } = "";

        /// <summary><para type="description">Create the splits train, valid and test in the first version.</para></summary>
        [Parameter]
        public SwitchParameter DefaultSplits { get; set; }

        /// <summary><para type="description">What the items are: images (default), text, tabular, ner or documents.</para></summary>
        [Parameter]
        [ValidateSet("images", "text", "tabular", "ner", "documents")]
        public string ContentType { get; set; } = "images";

        protected override void ProcessRecord()
        {
            var dataset = new Dataset
            {
                Name = Name,
                Description = Description,
                MultiLabel = MultiLabel,
                Notes = Notes,
                DefaultSplits = DefaultSplits,
                ContentType = ContentType.ToLowerInvariant(),
            };
            if (!ShouldChange("Dataset", dataset, "Create")) return;
            if (TryRun(ct => Client.Datasets.CreateAsync(dataset, ct), Name, out var created)) WriteObject(created);
        }
    }
}
