using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Gets the versions of SeeMe models.</para>
    /// <para type="description">Lists the versions of the model given by -Model (an object, its id or its exact name; also from the pipeline) or -ModelId (binds by property name). -Name filters by name (wildcards); -Id gets given versions.</para>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Get-SeeMeModelVersion</code><para>Lists the versions of every model whose name starts with Cats.</para></example>
    /// <example><code>Get-SeeMeModelVersion -Model $model -Name 'v2*' | Save-SeeMeModel -AssetType Onnx</code><para>Downloads the ONNX file of the v2 versions.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeModelVersion", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(ModelVersion))]
    public sealed class GetSeeMeModelVersionCommand : SeeMeCmdlet
    {
        private const string ModelSet = "Model";
        private const string ModelIdSet = "ModelId";

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The model's id (binds from the pipeline by property name, e.g. from a version or prediction).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ModelIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ModelId { get; set; }

        /// <summary><para type="description">Only versions with these ids.</para></summary>
        [Parameter]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary><para type="description">Only versions whose name matches (wildcards).</para></summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetModel(Model, ModelId, out var model)) return;
            var modelId = model.Id;
            if (Id != null)
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.ModelVersions.GetAsync(modelId, id, ct), id, out var version)) WriteObject(version);
                return;
            }
            if (!TryRun(ct => Client.ModelVersions.GetAllAsync(modelId, ct), modelId, out var versions)) return;
            var pattern = string.IsNullOrEmpty(Name) ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            WriteObject(versions.Where(v => pattern == null || pattern.IsMatch(v.Name)), enumerateCollection: true);
        }
    }
}
