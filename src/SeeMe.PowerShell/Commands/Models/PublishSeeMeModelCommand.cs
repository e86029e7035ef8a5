using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Uploads model files (export.pkl, model.onnx, labels.txt, ...) to a SeeMe model.</para>
    /// <para type="description">Uploads each file to the model's active version, or to -Version. Files come from -Path (wildcards), -LiteralPath, or the pipeline (Get-ChildItem output binds by FullName). Every path is checked before its upload: a missing file is a FileNotFound error and nothing is sent. Writes the updated version (CanInference tells whether it can predict now) and shows upload progress.</para>
    /// <example><code>Publish-SeeMeModel -Model (Get-SeeMeModel -Name 'Cats and dogs') -Path ./export.pkl</code><para>Uploads a fastai export to the active version.</para></example>
    /// <example><code>Get-ChildItem ./onnx/* | Publish-SeeMeModel -Model $model -Version $v2</code><para>Uploads every file of a folder to a given version.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Publish, "SeeMeModel", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ModelVersion))]
    public sealed class PublishSeeMeModelCommand : SeeMeCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private Model? _model;

        /// <summary><para type="description">The file(s) to upload; wildcards allowed.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary><para type="description">The file(s) to upload, taken literally; Get-ChildItem output binds here.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The version to upload to (an object, its id or its exact name); by default the model's active version.</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        public ModelVersion? Version { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            foreach (var file in ResolvePaths(path, literal))
                Upload(file);
        }

        private void Upload(string file)
        {
            if (_model == null && !TryGetModel(Model, null, out _model)) return;
            var model = _model!;
            if (!TryGetReference(Version, out var target, model.Id)) return;
            var versionId = target?.Id ?? model.ActiveVersionId;
            if (!ShouldChange("Model", model, $"Upload '{file}' to version {versionId}")) return;
            var progress = TransferProgress($"Uploading to model '{model.Name}'");
            if (TryRun(ct => target == null
                    ? Client.Models.UploadFileAsync(model.Id, file, progress, ct)
                    : Client.ModelVersions.UploadFileAsync(model.Id, versionId, file, progress, ct), file, out var version))
                WriteObject(version);
        }
    }
}
