using System.Management.Automation;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Shares a SeeMe model or dataset with someone by e-mail.</para>
    /// <para type="description">The person sees the model or dataset with SharedWithMe set; only the owner can change it. -WithoutInvite shares without sending an invitation e-mail.</para>
    /// <example><code>Add-SeeMeShare -Model $model -Email ana@example.com</code><para>Shares a model.</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Add-SeeMeShare -Email team@example.com -WithoutInvite</code><para>Shares several models without invitation mails.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SeeMeShare", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Share))]
    public sealed class AddSeeMeShareCommand : ShareCommandBase
    {
        /// <summary><para type="description">The e-mail address to share with.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = "";

        /// <summary><para type="description">Shares without sending an invitation e-mail.</para></summary>
        [Parameter]
        public SwitchParameter WithoutInvite { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetTarget(out var target)) return;
            if (!ShouldChange(TargetKind.ToString(), target.Name, target.Id, $"Share with {Email}")) return;
            if (TryRun(ct => Client.Shares.ShareAsync(TargetKind, target.Id, Email, WithoutInvite, ct), target, out var share)) WriteObject(share);
        }
    }
}
