using System.IO;
using System.Management.Automation;
using SeeMe.Core.Clients;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Downloads items' images (or thumbnails) into a folder.</para>
    /// <para type="description">Saves the image of each item piped in (-Item) or given by -DatasetId, -DatasetVersionId and -Id into -Destination (created when missing; default: the current location) as name.extension (id.extension for unnamed items; name_thumbnail.extension with -Thumbnail), and outputs each file. Up to -ThrottleLimit images download at once (default: the session's, 6), and the files are output in input order; Write-Progress shows each download and the count so far. An existing file is replaced with -Force or after you confirm (Yes to All answers for the rest of the pipeline; in a host that cannot ask, it is a DatasetItemImageFileExists error); -WhatIf shows each target file and writes nothing; a failing item is a non-terminating error and the pipeline goes on.</para>
    /// <example><code>Save-SeeMeDatasetItemImage -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Thumbnail</code><para>Saves one item's thumbnail in the current folder.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem -First 100 | Save-SeeMeDatasetItemImage -Destination ./sample -Force</code><para>Saves the first 100 images of every version of the dataset Birds, replacing older copies.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Save, "SeeMeDatasetItemImage", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveSeeMeDatasetItemImageCommand : ItemCmdlet, IThrottledCmdlet
    {
        /// <summary><para type="description">The folder to save into (created when missing); default: the current location.</para></summary>
        [Parameter(Position = 1)]
        public string? Destination { get; set; }

        /// <summary><para type="description">Save the thumbnail instead of the full image.</para></summary>
        [Parameter]
        public SwitchParameter Thumbnail { get; set; }

        /// <summary><para type="description">Replaces existing files of the same name without asking.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override string InputActivity => "Saving dataset item images";

        protected override void ProcessRecord()
        {
            if (!TryGetItem(out var item)) return;
            var folder = ResolveFolder(Destination);
            var file = Path.Combine(folder, ItemsClient.ImageFileName(item, Thumbnail));
            if (!ShouldSave(Describe("DatasetItem", item), Thumbnail ? "thumbnail" : "image", file, Force)) return;
            RunTransferInput($"Downloading {item.Name}",
                (progress, ct) => Client.Items.DownloadImageAsync(item, folder, Thumbnail, overwrite: true, progress, ct), item, WriteObject);
        }
    }
}
