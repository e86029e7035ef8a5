using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Creates a new version of a SeeMe model.</para>
    /// <para type="description">The version runs on the model's application unless -ApplicationId says otherwise. Upload its files with Publish-SeeMeModel -Version, and make it active with Set-SeeMeModel -ActiveVersion.</para>
    /// <example><code>$v = New-SeeMeModelVersion -Model $model -Name 'v2' -Description 'More data'</code><para>Creates a version.</para></example>
    /// <example><code>Get-SeeMeModel -Name Pets | New-SeeMeModelVersion -Name 'retrain' | ForEach-Object { Publish-SeeMeModel -Model $_.ModelId -Version $_ -Path ./export.pkl }</code><para>Creates a version and uploads its file.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeModelVersion", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(ModelVersion))]
    public sealed class NewSeeMeModelVersionCommand : SeeMeCmdlet
    {
        private const string ModelSet = "Model";
        private const string ModelIdSet = "ModelId";

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The model's id (binds from the pipeline by property name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ModelIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ModelId { get; set; }

        /// <summary><para type="description">The version's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">A description of the version.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">The application (framework) id; default the model's.</para></summary>
        [Parameter]
        public string? ApplicationId { get; set; }

        /// <summary><para type="description">The version's configuration (JSON text).</para></summary>
        [Parameter]
        public string? Config { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetModel(Model, ModelId, out var model)) return;
            var version = new ModelVersion
            {
                ModelId = model.Id,
                Name = Name,
                Description = Description ?? "",
                ApplicationId = ApplicationId ?? model.ApplicationId,
                Config = Config ?? "",
            };
            if (!ShouldChange("Model", model.Name, model.Id, $"Create version '{Name}'")) return;
            if (TryRun(ct => Client.ModelVersions.CreateAsync(model.Id, version, ct), model, out var created)) WriteObject(created);
        }
    }
}
