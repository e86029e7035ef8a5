using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Models;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Gets SeeMe models: yours, public ones and those shared with you.</para>
    /// <para type="description">Without parameters lists every model you can see. -Name filters by name (wildcards); -Owned, -Public and -SharedWithMe narrow the list; -Id gets one model (ids bind from the pipeline by property name).</para>
    /// <example><code>Get-SeeMeModel | Where-Object Public</code><para>Lists the public models.</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Get-SeeMeModelVersion</code><para>Lists the versions of every model whose name starts with Cats.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeModel", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Model))]
    public sealed class GetSeeMeModelCommand : SeeMeCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary><para type="description">The model's name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string? Name { get; set; }

        /// <summary><para type="description">The model's id.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary><para type="description">Only models you own.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Owned { get; set; }

        /// <summary><para type="description">Only public models.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Public { get; set; }

        /// <summary><para type="description">Only models others shared with you.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter SharedWithMe { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.Models.GetAsync(id, ct), id, out var model)) WriteObject(model);
                return;
            }

            var pattern = string.IsNullOrEmpty(Name) ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var models = RunOrStop(ct => Client.Models.GetAllAsync(ct), null).Where(m => Matches(m, pattern)).ToList();
            WriteObject(models, enumerateCollection: true);
            if (models.Count == 0 && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteFailure(new ItemNotFoundException($"There is no model named '{Name}' that you can see."), Name);
        }

        private bool Matches(Model model, WildcardPattern? pattern) =>
            (pattern == null || pattern.IsMatch(model.Name)) &&
            (!Owned || model.UserId == ResolvedSession.UserId || (!model.SharedWithMe && !model.Public)) &&
            (!Public || model.Public) &&
            (!SharedWithMe || model.SharedWithMe);
    }
}
