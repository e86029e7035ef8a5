using System.Management.Automation;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell.Commands.Jobs
{
    /// <summary>
    /// <para type="synopsis">Gets SeeMe jobs (training, validation, conversion).</para>
    /// <para type="description">Lists jobs as the SDK lists them: training jobs in any status (waiting, started, finished, error) of any application; -Status, -JobType and -ApplicationId narrow the list (the server filters). Or gets jobs by -Id (binds from the pipeline by property name). A local server only stores jobs; SeeMe.ai runs them.</para>
    /// <example><code>Get-SeeMeJob -Status waiting, started -JobType training</code><para>Lists the training jobs that have not finished.</para></example>
    /// <example><code>Get-SeeMeJob | Where-Object Status -eq 'error' | Remove-SeeMeJob -Confirm:$false</code><para>Removes failed jobs.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeJob", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Job))]
    public sealed class GetSeeMeJobCommand : SeeMeCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary><para type="description">The job's id.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary><para type="description">Only jobs in these states (default: all of waiting, started, finished, error).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(JobStatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary><para type="description">Only jobs of this type: training (the default), validation or conversion.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("training", "validation", "conversion")]
        public string? JobType { get; set; }

        /// <summary><para type="description">Only jobs for this application (framework) id.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? ApplicationId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.Jobs.GetAsync(id, ct), id, out var job)) WriteObject(job);
                return;
            }
            if (TryRun(ct => Client.Jobs.GetAllAsync(ApplicationId, Status, JobType, ct), null, out var jobs)) WriteObject(jobs, enumerateCollection: true);
        }
    }
}
