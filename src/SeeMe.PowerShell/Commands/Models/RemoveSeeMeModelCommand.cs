using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Deletes SeeMe models, with their versions and files.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); pass -Confirm:$false in scripts and CI. Only the owner may delete a model.</para>
    /// <example><code>Get-SeeMeModel -Name 'Old*' | Remove-SeeMeModel -Confirm:$false</code><para>Deletes every model whose name starts with Old, without asking.</para></example>
    /// <example><code>Remove-SeeMeModel -Id 3c6d5f8e-0000-4000-8000-000000000000 -WhatIf</code><para>Shows what would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Model))]
    public sealed class RemoveSeeMeModelCommand : ModelCmdlet
    {
        /// <summary><para type="description">Writes the deleted model to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetModel(out var model)) Remove("Model", model, ct => Client.Models.DeleteAsync(model.Id, ct), PassThru);
        }
    }
}
