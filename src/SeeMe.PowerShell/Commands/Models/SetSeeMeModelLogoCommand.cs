using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Uploads a logo (a .jpg, .jpeg or .png image) for a SeeMe model.</para>
    /// <para type="description">The image is checked before the upload: a missing file is a FileNotFound error, another extension an InvalidArgument error.</para>
    /// <example><code>Set-SeeMeModelLogo -Model $model -Path ./logo.png -PassThru</code><para>Sets the logo and shows the model (HasLogo is now true).</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Set-SeeMeModelLogo -Path ./cat.jpg</code><para>Gives every Cats model the same logo.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeModelLogo", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Model))]
    public sealed class SetSeeMeModelLogoCommand : SeeMeCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The image file.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">The image file, taken literally (no wildcards).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = "";

        /// <summary><para type="description">Writes the changed model to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (path, literal) = GivenPath(Path, LiteralPath);
            var image = ResolveImage(path, literal);
            if (image != null && TryGetModel(Model, null, out var model))
                UploadLogo("Model", model, image, ct => Client.Models.UploadLogoAsync(model.Id, image, ct), PassThru);
        }
    }
}
