using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Uploads (or replaces) an item's image.</para>
    /// <para type="description">Uploads a .jpg, .jpeg or .png image from -Path (wildcards, must match one file) or -LiteralPath to the item piped in (-Item) or given by -DatasetId, -DatasetVersionId and -Id. Write-Progress shows the upload; piped items upload up to -ThrottleLimit at once (default: the session's, 6), output in input order. -PassThru outputs the updated item (its Extension set).</para>
    /// <example><code>Set-SeeMeDatasetItemImage -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Path ./robin.png</code><para>Uploads robin.png as the item's image.</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Id $itemId | Set-SeeMeDatasetItemImage -LiteralPath './robin [cropped].jpg' -PassThru</code><para>Replaces an item's image with a file whose name has brackets.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetItemImage", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class SetSeeMeDatasetItemImageCommand : ItemCmdlet, IThrottledCmdlet
    {
        // Its own sets (Path, LiteralPath), each with the item as an object or by -DatasetId, -DatasetVersionId and -Id.
        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LiteralPathSet)]
        [ValidateNotNull]
        public override DatasetItem? Item { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public override string? DatasetVersionId { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [ValidateNotNullOrEmpty]
        public override string Id { get; set; } = "";

        /// <summary><para type="description">The image; wildcards allowed (they must match one file).</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathByIdsSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary><para type="description">The image, taken exactly as written.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathByIdsSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary><para type="description">Output the updated item.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            var (path, literal) = GivenPath(Path, LiteralPath);
            var image = ResolveImage(path, literal);
            if (image == null || !TryGetItem(out var item) || !ShouldChange("DatasetItem", item, $"Upload image '{image}'")) return;
            RunTransferInput($"Uploading {System.IO.Path.GetFileName(image)}",
                (progress, ct) => Client.Items.UploadImageAsync(item.DatasetId, item.DatasetVersionId, item.Id, image, progress, ct), image,
                updated => { if (PassThru) WriteObject(updated); });
        }
    }
}
