using System.Collections;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell.Commands.Jobs
{
    /// <summary>
    /// <para type="synopsis">Creates a SeeMe job (training, validation or conversion).</para>
    /// <para type="description">Creates a job for a dataset version and/or model, in the state -Status (default waiting, as the SDK creates jobs). -Setting gives its settings (hyper-parameters) as a hashtable of name = value: each becomes a job item labelled with its name, whose value type follows the value (int for whole numbers, float for other numbers, boolean for $true/$false, text otherwise) and whose value is sent as that JSON type. SeeMe.ai runs the job; a local server only stores it.</para>
    /// <example><code>New-SeeMeJob -Name 'Train pets' -JobType training -ApplicationId $app.Id -DatasetId $ds.Id -DatasetVersionId $dv.Id -Setting @{ epochs = 5; lr = 0.001 }</code><para>Asks for a training run: items epochs (int 5) and lr (float 0.001), status waiting.</para></example>
    /// <example><code>Get-SeeMeModel -Name Pets | ForEach-Object { New-SeeMeJob -Name "Convert $($_.Name)" -JobType conversion -ModelId $_.Id -ModelVersionId $_.ActiveVersionId }</code><para>Asks for a conversion of each model's active version.</para></example>
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

        /// <summary><para type="description">The application (framework) id.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ApplicationId { get; set; }

        /// <summary><para type="description">The dataset to train or validate on.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DatasetId { get; set; }

        /// <summary><para type="description">The dataset version.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DatasetVersionId { get; set; }

        /// <summary><para type="description">The model the job produces or works on.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ModelId { get; set; }

        /// <summary><para type="description">The model version the job works on.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ModelVersionId { get; set; }

        /// <summary><para type="description">A model to start training from.</para></summary>
        [Parameter]
        public string? StartModelId { get; set; }

        /// <summary><para type="description">Settings as name = value pairs (the job's items); use [ordered]@{} to keep their order.</para></summary>
        [Parameter]
        [Alias("Items")]
        public IDictionary? Setting { get; set; }

        protected override void ProcessRecord()
        {
            var job = new Job
            {
                Name = Name,
                Description = Description ?? "",
                JobType = JobType,
                Status = Status,
                ApplicationId = ApplicationId ?? "",
                DatasetId = DatasetId ?? "",
                DatasetVersionId = DatasetVersionId ?? "",
                ModelId = ModelId ?? "",
                ModelVersionId = ModelVersionId ?? "",
                StartModelId = StartModelId ?? "",
                Items = (Setting ?? new Hashtable()).Cast<DictionaryEntry>()
                    .Select(e => JobItem.For(e.Key.ToString()!, e.Value is PSObject wrapped ? wrapped.BaseObject : e.Value))
                    .ToList(),
            };
            if (!ShouldChange("Job", job, $"Create {JobType} job")) return;
            if (TryRun(ct => Client.Jobs.CreateAsync(job, ct), Name, out var created)) WriteObject(created);
        }
    }
}
