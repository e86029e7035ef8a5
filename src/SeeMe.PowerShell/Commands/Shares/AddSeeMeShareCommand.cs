using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Shares a SeeMe model or dataset with someone by e-mail.</para>
    /// <para type="description">The person sees the model or dataset with SharedWithMe set; only the owner can change it. As with the SDK, no invitation e-mail is sent unless you add -SendInvite. Model shares can be listed and removed later (Get-SeeMeShare, Remove-SeeMeShare); dataset shares cannot through the API.</para>
    /// <example><code>Add-SeeMeShare -Model $model -Email ana@example.com -SendInvite</code><para>Shares a model and e-mails Ana an invitation.</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Add-SeeMeShare -Email team@example.com</code><para>Shares several models without invitation mails.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SeeMeShare", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Share))]
    public sealed class AddSeeMeShareCommand : ShareCommandBase
    {
        private const string DatasetSet = "Dataset";

        /// <summary><para type="description">The dataset (an object, its id or its exact name).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        [EntityFromId(typeof(Dataset))]
        [ArgumentCompleter(typeof(DatasetNameCompleter))]
        public Dataset? Dataset { get; set; }

        /// <summary><para type="description">The e-mail address to share with.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = "";

        /// <summary><para type="description">Also sends an invitation e-mail (by default none is sent, as in the SDK).</para></summary>
        [Parameter]
        public SwitchParameter SendInvite { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetTarget(out var kind, out var target)) return;
            if (!ShouldChange(kind.ToString(), target.Name, target.Id, $"Share with {Email}" + (SendInvite ? " and send an invitation" : ""))) return;
            if (TryRun(ct => Client.Shares.ShareAsync(kind, target.Id, Email, withoutInvite: !SendInvite, ct), target, out var share)) WriteObject(share);
        }

        /// <summary>The shared model or dataset, fetched when only its id was given (for its name in -WhatIf and -Confirm).</summary>
        private bool TryGetTarget(out ShareTarget kind, out NamedEntity target)
        {
            bool found;
            if (Dataset != null)
            {
                kind = ShareTarget.Dataset;
                found = TryFetch(Dataset, null, (id, ct) => Client.Datasets.GetAsync(id, ct), out var dataset);
                target = dataset;
            }
            else
            {
                kind = ShareTarget.Model;
                found = TryGetModel(Model, null, out var model);
                target = model;
            }
            return found;
        }
    }
}
