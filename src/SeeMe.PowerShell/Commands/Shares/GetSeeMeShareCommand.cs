using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Shares
{
    /// <summary>
    /// <para type="synopsis">Gets the people a SeeMe model or dataset is shared with.</para>
    /// <para type="description">Lists the shares of a model or dataset (object or id, also from the pipeline); -Email filters by address (wildcards).</para>
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
            if (!TryRun(ct => Client.Shares.GetAllAsync(TargetKind, TargetId, ct), TargetId, out var shares)) return;
            var pattern = string.IsNullOrEmpty(Email) ? null : WildcardPattern.Get(Email, WildcardOptions.IgnoreCase);
            WriteObject(shares.Where(s => pattern == null || pattern.IsMatch(s.Email)), enumerateCollection: true);
        }
    }
}
