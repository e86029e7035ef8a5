using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Uploads a dataset's logo (a .jpg, .jpeg or .png image).</para>
    /// <para type="description">The dataset comes from the pipeline (-Dataset) or by -DatasetId; the image from -Path (wildcards) or -LiteralPath. -PassThru outputs the updated dataset (HasLogo, Logo).</para>
    /// <example><code>Set-SeeMeDatasetLogo -DatasetId $id -Path ./logo.png</code><para>Uploads logo.png as the dataset's logo.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Set-SeeMeDatasetLogo -LiteralPath ./robin.jpg -PassThru</code><para>Sets the logo of the dataset Birds and shows the dataset.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetLogo", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Dataset))]
    public sealed class SetSeeMeDatasetLogoCommand : DatasetScopedCmdlet
    {
        // Its own sets (Path, LiteralPath), each with the dataset as an object or by -DatasetId.
        private const string PathSet = "Path";
        private const string PathByIdSet = PathSet + DatasetIdSet;
        private const string LiteralPathSet = "LiteralPath";
        private const string LiteralPathByIdSet = LiteralPathSet + DatasetIdSet;

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LiteralPathSet)]
        [EntityFromId(typeof(Dataset))]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        [ValidateNotNull]
        public override Dataset? Dataset { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <summary><para type="description">The image; wildcards allowed (they must match one file).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathByIdSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">The image, taken exactly as written.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathByIdSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = "";

        /// <summary><para type="description">Output the updated dataset.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (path, literal) = GivenPath(Path, LiteralPath);
            var image = ResolveImage(path, literal);
            if (image != null && TryGetDataset(out var dataset))
                UploadLogo("Dataset", dataset, image, ct => Client.Datasets.UploadLogoAsync(dataset.Id, image, ct), PassThru);
        }
    }
}
