using System.Management.Automation;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell
{
    /// <summary>Base of the cmdlets that act on one job: -Job (an object or an id, from the pipeline) or -JobId (alias Id, by property name).</summary>
    public abstract class JobCmdlet : SeeMeCmdlet
    {
        protected const string JobSet = "Job";
        protected const string IdSet = "Id";

        /// <summary><para type="description">The job (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JobSet)]
        [EntityFromId(typeof(Job))]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public Job? Job { get; set; }

        /// <summary><para type="description">The job's id (binds from the pipeline by property name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? JobId { get; set; }

        /// <summary>The job given, fetched when only its id is known (a failed fetch is written and false returned).</summary>
        protected bool TryGetJob(out Job job) => TryFetch(Job, JobId, (id, ct) => Client.Jobs.GetAsync(id, ct), out job);
    }
}
