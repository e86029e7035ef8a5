using System.Collections;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell.Commands.Jobs
{
    /// <summary>
    /// <para type="synopsis">Creates a SeeMe job (training, validation or conversion).</para>
    /// <para type="description">Creates a job for a dataset version and/or model, in the state -Status (default waiting, as the SDK creates jobs). -Setting gives its settings (hyper-parameters) as a hashtable of name = value: each becomes a job item labelled with its name, whose value type follows the value (int for whole numbers, float for other numbers, boolean for $true/$false, text otherwise) and whose value is sent as that JSON type. -Application, -Dataset, -DatasetVersion, -Model, -ModelVersion and -StartModel each take an object, its id or its exact name (their -XxxId names are aliases, and bind from the pipeline by property name); a dataset version given alone brings its dataset, a model version its model. SeeMe.ai runs the job; a local server only stores it.</para>
    /// <example><code>New-SeeMeJob -Name 'Train pets' -JobType training -Application $app -DatasetVersion (Get-SeeMeDataset -Name Pets | Get-SeeMeDatasetVersion -Latest) -Setting @{ epochs = 5; lr = 0.001 }</code><para>Asks for a training run on a dataset version (its dataset goes with it): items epochs (int 5) and lr (float 0.001), status waiting.</para></example>
    /// <example><code>Get-SeeMeModel -Name Pets | ForEach-Object { New-SeeMeJob -Name "Convert $($_.Name)" -JobType conversion -Model $_ -ModelVersion $_.ActiveVersionId }</code><para>Asks for a conversion of each model's active version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeJob", SupportsShouldProcess = true)]
    [OutputType(typeof(Job))]
    public sealed class NewSeeMeJobCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The job's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">A description of the job.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">training, validation or conversion.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("training", "validation", "conversion")]
        public string JobType { get; set; } = "";

        /// <summary><para type="description">The state the job starts in: waiting (the default), started, finished or error.</para></summary>
        [Parameter]
        [ValidateSet(JobStatuses.Waiting, JobStatuses.Started, JobStatuses.Finished, JobStatuses.Error)]
        public string Status { get; set; } = JobStatuses.Waiting;

        /// <summary><para type="description">The application (framework): an object from Get-SeeMeApplication, its id or its exact name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ApplicationId")]
        [EntityFromId(typeof(Application))]
        [ArgumentCompleter(typeof(ApplicationNameCompleter))]
        public Application? Application { get; set; }

        /// <summary><para type="description">The dataset to train or validate on: an object, its id or its exact name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetId")]
        [EntityFromId(typeof(Dataset))]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        public Dataset? Dataset { get; set; }

        /// <summary><para type="description">The dataset version: an object, its id or its exact name (in -Dataset when given); its dataset is the job's when -Dataset is not given.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DatasetVersionId")]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        public DatasetVersion? DatasetVersion { get; set; }

        /// <summary><para type="description">The model the job produces or works on: an object, its id or its exact name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? Model { get; set; }

        /// <summary><para type="description">The model version the job works on: an object, its id or its exact name (in -Model).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ModelVersionId")]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        public ModelVersion? ModelVersion { get; set; }

        /// <summary><para type="description">A model to start training from: an object, its id or its exact name.</para></summary>
        [Parameter]
        [Alias("StartModelId")]
        [EntityFromId(typeof(Model))]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public Model? StartModel { get; set; }

        /// <summary><para type="description">Settings as name = value pairs (the job's items); use [ordered]@{} to keep their order.</para></summary>
        [Parameter]
        [Alias("Items")]
        public IDictionary? Setting { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetReference(Application, out var application) || !TryGetReference(Dataset, out var dataset) ||
                !TryGetReference(DatasetVersion, out var datasetVersion, dataset?.Id, lookUpIds: true) ||
                !TryGetReference(Model, out var model) || !TryGetReference(ModelVersion, out var modelVersion, model?.Id) ||
                !TryGetReference(StartModel, out var startModel)) return;
            var job = new Job
            {
                Name = Name,
                Description = Description ?? "",
                JobType = JobType,
                Status = Status,
                ApplicationId = application?.Id ?? "",
                DatasetId = dataset?.Id ?? datasetVersion?.DatasetId ?? "",
                DatasetVersionId = datasetVersion?.Id ?? "",
                ModelId = model?.Id ?? modelVersion?.ModelId ?? "",
                ModelVersionId = modelVersion?.Id ?? "",
                StartModelId = startModel?.Id ?? "",
                Items = (Setting ?? new Hashtable()).Cast<DictionaryEntry>()
                    .Select(e => JobItem.For(e.Key.ToString()!, e.Value is PSObject wrapped ? wrapped.BaseObject : e.Value))
                    .ToList(),
            };
            if (!ShouldChange("Job", job, $"Create {JobType} job")) return;
            if (TryRun(ct => Client.Jobs.CreateAsync(job, ct), Name, out var created)) WriteObject(created);
        }
    }
}
