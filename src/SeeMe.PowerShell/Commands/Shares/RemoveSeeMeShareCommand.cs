using System;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Stops sharing a SeeMe model or dataset with someone.</para>
    /// <para type="description">Takes shares from Get-SeeMeShare, or a model or dataset with the -Email to stop sharing with. Asks for confirmation (ConfirmImpact High); pass -Confirm:$false in scripts and CI.</para>
    /// <example><code>Get-SeeMeShare -Model $model -Email 'old@example.com' | Remove-SeeMeShare -Confirm:$false</code><para>Removes one person's access without asking.</para></example>
    /// <example><code>Remove-SeeMeShare -Dataset $dataset -Email ana@example.com -WhatIf</code><para>Shows what would be removed.</para></example>
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

        /// <summary><para type="description">With -Model or -Dataset: the e-mail address to stop sharing with.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ModelSet)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DatasetSet)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary><para type="description">Writes the removed share to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null) RemoveShare(InputObject);
            else if (TryRun(ct => Client.Shares.GetAllAsync(TargetKind, TargetId, ct), TargetId, out var shares))
            {
                var matching = shares.FindAll(s => string.Equals(s.Email, Email, StringComparison.OrdinalIgnoreCase));
                if (matching.Count == 0) WriteFailure(new ItemNotFoundException($"It is not shared with '{Email}'."), Email);
                matching.ForEach(RemoveShare);
            }
        }

        private void RemoveShare(Share share)
        {
            var kind = share.EntityType == "datasets" ? ShareTarget.Dataset : ShareTarget.Model;
            if (!ShouldChange("Share", share.Email, share.Id, $"Stop sharing {kind} {share.EntityId}")) return;
            if (TryRun(ct => Client.Shares.DeleteAsync(kind, share.EntityId, share.Id, ct), share, out var removed) && PassThru) WriteObject(removed);
        }
    }
}
