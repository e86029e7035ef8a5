using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// What Get-SeeMeModel and Get-SeeMeDataset share: every one you can see, narrowed by -Name
    /// (wildcards) and -Owned / -Public / -SharedWithMe, or some by -Id. The subclass declares -Name
    /// and -Id (their completers and aliases differ) and says how to fetch.
    /// </summary>
    public abstract class GetOwnedEntityCmdlet<T> : SeeMeCmdlet where T : SeeMeEntity, IOwnedEntity
    {
        protected const string ListSet = "List";
        protected const string IdSet = "Id";

        /// <summary><para type="description">Only the ones you own. (Connected with an API key, the client does not know your user id; then it keeps the private ones that are not shared with you.)</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Owned { get; set; }

        /// <summary><para type="description">Only public ones.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Public { get; set; }

        /// <summary><para type="description">Only the ones others shared with you.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter SharedWithMe { get; set; }

        /// <summary>The -Name given (null for all).</summary>
        protected abstract string? NamePattern { get; }

        /// <summary>The -Id values given.</summary>
        protected abstract string[] Ids { get; }

        /// <summary>"model" or "dataset", for messages.</summary>
        protected abstract string Noun { get; }

        protected abstract Task<List<T>> GetAllAsync(CancellationToken cancellationToken);

        protected abstract Task<T> GetAsync(string id, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Ids)
                    if (TryRun(ct => GetAsync(id, ct), id, out var entity)) WriteObject(entity);
                return;
            }

            var pattern = string.IsNullOrEmpty(NamePattern) ? null : WildcardPattern.Get(NamePattern, WildcardOptions.IgnoreCase);
            if (!TryRun(GetAllAsync, null, out var all)) return;
            var visible = all.Where(e => Matches(e, pattern)).ToList();
            WriteObject(visible, enumerateCollection: true);
            if (visible.Count == 0 && NamePattern != null && !WildcardPattern.ContainsWildcardCharacters(NamePattern))
                WriteFailure(new ItemNotFoundException($"There is no {Noun} named '{NamePattern}' that you can see."), NamePattern);
        }

        private bool Matches(T entity, WildcardPattern? pattern) =>
            (pattern == null || pattern.IsMatch(entity.Name)) &&
            (!Owned || IsMine(entity)) &&
            (!Public || entity.Public) &&
            (!SharedWithMe || entity.SharedWithMe);

        private bool IsMine(T entity) =>
            ResolvedSession.UserId.Length > 0 ? entity.UserId == ResolvedSession.UserId : !entity.SharedWithMe && !entity.Public;
    }
}
