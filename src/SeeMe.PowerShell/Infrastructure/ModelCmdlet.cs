using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that act on one model: -Model (an object, an id or a name, from the pipeline)
    /// or -ModelId (alias Id, by property name).
    /// </summary>
    public abstract class ModelCmdlet : SeeMeCmdlet
    {
        protected const string ModelSet = "Model";
        protected const string IdSet = "Id";

        /// <summary><para type="description">The model: an object, its id or its exact name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The model's id (binds from the pipeline by property name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? ModelId { get; set; }

        /// <summary>The model given, fetched when only its id is known (a failed fetch is written and false returned).</summary>
        protected bool TryGetModel(out Model model) => TryGetModel(Model, ModelId, out model);
    }
}
