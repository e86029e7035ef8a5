using System;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that work on one dataset, in two parameter sets: -Dataset, an object, an id or a
    /// name (mandatory, from the pipeline) or -DatasetId (mandatory, by property name, so a version or an
    /// item leads back to its dataset). A command with sets of its own (List and Id, Path and
    /// LiteralPath) overrides both properties to put them in each of its sets; see
    /// GetSeeMeDatasetVersionCommand.
    /// </summary>
    public abstract class DatasetScopedCmdlet : SeeMeCmdlet
    {
        protected const string DatasetSet = "Dataset";
        protected const string DatasetIdSet = "DatasetId";

        /// <summary><para type="description">The dataset: an object (from Get-SeeMeDataset or New-SeeMeDataset), its id or its exact name; binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        [EntityFromId(typeof(Dataset))]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        [ValidateNotNull]
        public virtual Dataset? Dataset { get; set; }

        /// <summary><para type="description">The dataset's id, instead of -Dataset. Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = DatasetIdSet)]
        [ValidateNotNullOrEmpty]
        public virtual string? DatasetId { get; set; }

        /// <summary>
        /// The dataset's id (a dataset given by name is looked up first); stops the command when the -Dataset object
        /// carries none (the parameter sets require one of the two) or the name names no single dataset.
        /// </summary>
        protected string LocateDatasetId()
        {
            if (EntityStubs.NameOf(Dataset) != null) Dataset = FetchOrStop(Dataset!, (id, ct) => Client.Datasets.GetAsync(id, ct));
            if (Dataset != null && Dataset.Id.Length > 0) return Dataset.Id;
            if (!string.IsNullOrEmpty(DatasetId)) return DatasetId!;
            StopWithInvalidArgument("Give a dataset: pipe one in (Get-SeeMeDataset), pass -Dataset, or pass -DatasetId.", "DatasetRequired", null);
            throw new InvalidOperationException(); // not reached
        }

        /// <summary>The dataset: the one given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetDataset(out Dataset dataset) =>
            TryFetch(Dataset, LocateDatasetId(), (id, ct) => Client.Datasets.GetAsync(id, ct), out dataset);
    }
}
