using System.IO;
using System.Management.Automation;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Downloads a SeeMe model's logo.</para>
    /// <para type="description">Saves the logo into -Destination (default: the current folder) under the model's logo file name (reduced to a bare name, so the server cannot choose a folder) and writes the file (FileInfo). An existing file is replaced with -Force or after you confirm (in a host that cannot ask, it is a ModelLogoFileExists error); -WhatIf shows the target file and writes nothing.</para>
    /// <example><code>Get-SeeMeModel -Name 'Cats and dogs' | Save-SeeMeModelLogo -Destination ./logos</code><para>Saves one model's logo.</para></example>
    /// <example><code>Get-SeeMeModel | Where-Object HasLogo | Save-SeeMeModelLogo -Destination ./logos -Force</code><para>Saves the logo of every model that has one.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Save, "SeeMeModelLogo", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveSeeMeModelLogoCommand : ModelCmdlet
    {
        /// <summary><para type="description">The folder to save into (created when missing); default the current location.</para></summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary><para type="description">Replaces an existing file of the same name without asking.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var folder = ResolveFolder(Destination);
            if (TryGetModel(out var model))
                SaveLogo("Model", model, model.Logo, folder, Force, ct => Client.Models.DownloadLogoAsync(model, folder, overwrite: true, ct));
        }
    }
}
