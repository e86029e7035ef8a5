using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// The -Model of the share cmdlets: a model's shares can be added, listed and removed. Datasets
    /// can only be shared (Add-SeeMeShare -Dataset): the API has no call that lists or removes a
    /// dataset's shares.
    /// </summary>
    public abstract class ShareCommandBase : SeeMeCmdlet
    {
        protected const string ModelSet = "Model";

        /// <summary>Where the help of Get-/Remove-SeeMeShare sends people who look for a dataset's shares.</summary>
        internal const string DatasetSharesAdvice =
            "The SeeMe.ai API lists and removes shares of models only; a dataset can be shared (Add-SeeMeShare -Dataset) but its shares are managed in the SeeMe.ai web application.";

        /// <summary><para type="description">The model (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelSet)]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }
    }
}
