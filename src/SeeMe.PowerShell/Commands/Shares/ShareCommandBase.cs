using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>The -Model / -Dataset pair of the share cmdlets: what is (or is to be) shared.</summary>
    public abstract class ShareCommandBase : SeeMeCmdlet
    {
        protected const string ModelSet = "Model";
        protected const string DatasetSet = "Dataset";

        /// <summary><para type="description">The model (object or id).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The dataset (object or id).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        [EntityFromId(typeof(Dataset))]
        public Dataset? Dataset { get; set; }

        protected ShareTarget TargetKind => Dataset != null ? ShareTarget.Dataset : ShareTarget.Model;

        protected string TargetId => Dataset?.Id ?? Model?.Id ?? "";

        /// <summary>The shared model or dataset, fetched when only its id was given (for its name in -WhatIf and -Confirm).</summary>
        protected bool TryGetTarget(out NamedEntity target)
        {
            bool found;
            if (Dataset != null)
            {
                found = TryFetch(Dataset, null, (id, ct) => Client.Datasets.GetAsync(id, ct), out var dataset);
                target = dataset;
            }
            else
            {
                found = TryGetModel(Model, null, out var model);
                target = model;
            }
            return found;
        }
    }
}
