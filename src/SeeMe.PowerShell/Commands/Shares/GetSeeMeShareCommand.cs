using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Gets the people a SeeMe model is shared with.</para>
    /// <para type="description">Lists the shares of a model (an object, its id or its exact name; also from the pipeline); -Email filters by address (wildcards). Datasets have no such list: the SeeMe.ai API lists and removes shares of models only; a dataset can be shared (Add-SeeMeShare -Dataset) but its shares are managed in the SeeMe.ai web application.</para>
    /// <example><code>Get-SeeMeShare -Model $model</code><para>Lists who a model is shared with.</para></example>
    /// <example><code>Get-SeeMeModel | Where-Object { -not $_.SharedWithMe } | Get-SeeMeShare -Email '*@example.com'</code><para>Finds every share of your models with example.com addresses.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeShare", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Share))]
    public sealed class GetSeeMeShareCommand : ShareCommandBase
    {
        /// <summary><para type="description">Only shares with a matching e-mail address (wildcards).</para></summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Email { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetModel(Model, null, out var model)) return;
            var modelId = model.Id;
            if (!TryRun(ct => Client.Shares.GetModelSharesAsync(modelId, ct), modelId, out var shares)) return;
            var pattern = string.IsNullOrEmpty(Email) ? null : WildcardPattern.Get(Email, WildcardOptions.IgnoreCase);
            WriteObject(shares.Where(s => pattern == null || pattern.IsMatch(s.Email)), enumerateCollection: true);
        }
    }
}
