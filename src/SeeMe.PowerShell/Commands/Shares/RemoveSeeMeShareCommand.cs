using System;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Stops sharing a SeeMe model with someone.</para>
    /// <para type="description">Takes shares from Get-SeeMeShare, or a model with the -Email to stop sharing with. Asks for confirmation (ConfirmImpact High); pass -Confirm:$false in scripts and CI. Only model shares can be removed: the SeeMe.ai API lists and removes shares of models only; a dataset can be shared (Add-SeeMeShare -Dataset) but its shares are managed in the SeeMe.ai web application.</para>
    /// <example><code>Get-SeeMeShare -Model $model -Email 'old@example.com' | Remove-SeeMeShare -Confirm:$false</code><para>Removes one person's access without asking.</para></example>
    /// <example><code>Remove-SeeMeShare -Model $model -Email ana@example.com -WhatIf</code><para>Shows what would be removed.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeShare", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ShareSet)]
    [OutputType(typeof(Share))]
    public sealed class RemoveSeeMeShareCommand : ShareCommandBase
    {
        private const string ShareSet = "Share";

        /// <summary><para type="description">The share (from Get-SeeMeShare).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ShareSet)]
        [ValidateNotNull]
        public Share? InputObject { get; set; }

        /// <summary><para type="description">With -Model: the e-mail address to stop sharing with.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ModelSet)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary><para type="description">Writes the removed share to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null) RemoveShare(InputObject);
            else if (TryGetModel(Model, null, out var model) && TryRun(ct => Client.Shares.GetModelSharesAsync(model.Id, ct), model.Id, out var shares))
            {
                var matching = shares.FindAll(s => string.Equals(s.Email, Email, StringComparison.OrdinalIgnoreCase));
                if (matching.Count == 0) WriteFailure(new ItemNotFoundException($"It is not shared with '{Email}'."), Email);
                matching.ForEach(RemoveShare);
            }
        }

        private void RemoveShare(Share share)
        {
            if (share.EntityType != "models")
            {
                WriteFailure(new NotSupportedException($"The share with '{share.Email}' is a {share.EntityType} share. {DatasetSharesAdvice}"), share);
                return;
            }
            if (!ShouldChange("Share", share.Email, share.Id, $"Stop sharing model {share.EntityId}")) return;
            if (TryRun(ct => Client.Shares.DeleteModelShareAsync(share.EntityId, share.Id, ct), share, out var removed) && PassThru) WriteObject(removed);
        }
    }
}
