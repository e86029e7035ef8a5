using System.Management.Automation;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell.Commands.Jobs
{
    /// <summary>
    /// <para type="synopsis">Changes a SeeMe job: name, description, status or status message.</para>
    /// <para type="description">Only the parameters you give are changed. Workers that run jobs report progress this way.</para>
    /// <example><code>Set-SeeMeJob -Id $job.Id -Status started -StatusMessage 'epoch 1 of 5'</code><para>Reports progress on a job.</para></example>
    /// <example><code>Get-SeeMeJob -Status waiting | Set-SeeMeJob -Status error -StatusMessage 'Cancelled' -PassThru</code><para>Marks every waiting job as cancelled.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeJob", SupportsShouldProcess = true, DefaultParameterSetName = JobSet)]
    [OutputType(typeof(Job))]
    public sealed class SetSeeMeJobCommand : JobCmdlet
    {
        /// <summary><para type="description">A new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">A new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">waiting, started, finished or error.</para></summary>
        [Parameter]
        [ValidateSet("waiting", "started", "finished", "error")]
        public string? Status { get; set; }

        /// <summary><para type="description">A message about the status.</para></summary>
        [Parameter]
        public string? StatusMessage { get; set; }

        /// <summary><para type="description">Writes the changed job to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetJob(out var job))
                Update("Job", job, Edit, (j, ct) => Client.Jobs.UpdateAsync(j, ct), PassThru);
        }

        private void Edit(Job job)
        {
            ApplyNameAndDescription(job, Name, Description);
            if (Status != null) job.Status = Status;
            if (StatusMessage != null) job.StatusMessage = StatusMessage;
        }
    }
}
