using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Predictions
{
    /// <summary>
    /// <para type="synopsis">Gets the prediction history of a SeeMe model, newest pages first as the server sends them.</para>
    /// <para type="description">Streams every page of the model's predictions (each page is written as it arrives, in order, while up to -ThrottleLimit pages are requested at once). -Version limits it to given versions, -IncludeHidden adds hidden predictions, -First and -Skip page through it.</para>
    /// <example><code>Get-SeeMeModel -Name 'Cats and dogs' | Get-SeeMePrediction -First 20</code><para>Shows the 20 latest predictions of a model.</para></example>
    /// <example><code>Get-SeeMePrediction -Model $m | Where-Object ErrorReported</code><para>Lists the predictions reported as wrong.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMePrediction", SupportsPaging = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Prediction))]
    public sealed class GetSeeMePredictionCommand : SeeMeCmdlet, IThrottledCmdlet
    {
        private const string ModelSet = "Model";
        private const string ModelIdSet = "ModelId";

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The model's id (binds from the pipeline by property name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ModelIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ModelId { get; set; }

        /// <summary><para type="description">Only predictions of these versions (objects or ids).</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        public ModelVersion[]? Version { get; set; }

        /// <summary><para type="description">Includes hidden predictions.</para></summary>
        [Parameter]
        public SwitchParameter IncludeHidden { get; set; }

        /// <summary><para type="description">How many pages may be requested at once; 1 asks for one page at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Predictions are written in order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetModel(Model, ModelId, out var model) || !TryGetVersionIds(model.Id, out var versionIds)) return;
            var modelId = model.Id;
            var query = new PredictionQuery { ShowHidden = IncludeHidden, ModelVersionIds = versionIds };
            WritePages(Client.Models.GetPredictions(modelId, Paged(query, PredictionQuery.DefaultPageSize)), modelId);
        }

        /// <summary>The ids of the -Version given (objects, ids or names of the model's versions); none when not given.</summary>
        private bool TryGetVersionIds(string modelId, out List<string> ids)
        {
            ids = new List<string>();
            foreach (var version in Version ?? new ModelVersion[0])
            {
                if (!TryGetReference(version, out var found, modelId)) return false;
                ids.Add(found!.Id);
            }
            return true;
        }
    }
}