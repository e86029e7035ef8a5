using System.IO;
using System.Management.Automation;

namespace SeeMe.PowerShell.Commands.Datasets
{
    /// <summary>
    /// <para type="synopsis">Downloads a dataset's logo into a folder.</para>
    /// <para type="description">Saves the logo under the dataset's Logo file name (reduced to a bare file name, so it never lands outside the folder) in -Destination (default: the current location) and outputs the file. An existing file is replaced with -Force or after you confirm (in a host that cannot ask, it is a DatasetLogoFileExists error); -WhatIf shows the target file and writes nothing.</para>
    /// <example><code>Save-SeeMeDatasetLogo -DatasetId $id -Destination ./logos</code><para>Saves one dataset's logo into ./logos.</para></example>
    /// <example><code>Get-SeeMeDataset -Owned | Where-Object HasLogo | Save-SeeMeDatasetLogo -Destination ./logos -Force</code><para>Saves the logos of all your datasets that have one, replacing older copies.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Save, "SeeMeDatasetLogo", SupportsShouldProcess = true, DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveSeeMeDatasetLogoCommand : DatasetScopedCmdlet
    {
        /// <summary><para type="description">The folder to save into (created when missing); default: the current location.</para></summary>
        [Parameter(Position = 0)]
        public string? Destination { get; set; }

        /// <summary><para type="description">Replaces an existing file of the same name without asking.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetDataset(out var dataset)) return;
            var folder = ResolveFolder(Destination);
            SaveLogo("Dataset", dataset, dataset.Logo, folder, Force, ct => Client.Datasets.DownloadLogoAsync(dataset, folder, overwrite: true, ct));
        }
    }
}
