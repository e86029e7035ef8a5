using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Deletes versions of a SeeMe model, with their files.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); pass -Confirm:$false in scripts and CI.</para>
    /// <example><code>Get-SeeMeModelVersion -Model $model -Name 'experiment*' | Remove-SeeMeModelVersion -Confirm:$false</code><para>Deletes the experiment versions without asking.</para></example>
    /// <example><code>Remove-SeeMeModelVersion -ModelId $model.Id -VersionId $old.Id -WhatIf</code><para>Shows what would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeModelVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = VersionSet)]
    [OutputType(typeof(ModelVersion))]
    public sealed class RemoveSeeMeModelVersionCommand : ModelVersionCmdlet
    {
        /// <summary><para type="description">Writes the deleted version to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetModelVersion(out var version))
                Remove("ModelVersion", version, ct => Client.ModelVersions.DeleteAsync(version.ModelId, version.Id, ct), PassThru);
        }
    }
}
