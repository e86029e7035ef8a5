using System.Management.Automation;
using Job = SeeMe.Core.Entities.Job;

namespace SeeMe.PowerShell.Commands.Jobs
{
    /// <summary>
    /// <para type="synopsis">Deletes SeeMe jobs.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); pass -Confirm:$false in scripts and CI.</para>
    /// <example><code>Get-SeeMeJob -Status finished | Remove-SeeMeJob -Confirm:$false</code><para>Cleans up finished jobs without asking.</para></example>
    /// <example><code>Remove-SeeMeJob -Id $job.Id -WhatIf</code><para>Shows what would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = JobSet)]
    [OutputType(typeof(Job))]
    public sealed class RemoveSeeMeJobCommand : JobCmdlet
    {
        /// <summary><para type="description">Writes the deleted job to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetJob(out var job))
                Remove("Job", job, ct => Client.Jobs.DeleteAsync(job.Id, ct), PassThru);
        }
    }
}
