using System;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// A <see cref="VersionScopedCmdlet"/> on the version itself, which comes as the -DatasetVersion object from the
    /// pipeline (<c>Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem</c>) or by -DatasetId and -DatasetVersionId. Also
    /// what Get-* and New-* of the named children of a version (splits, labels) do.
    /// </summary>
    public abstract class DatasetVersionCmdlet : VersionScopedCmdlet
    {
        /// <summary><para type="description">The dataset version: an object (from Get-SeeMeDatasetVersion), its id, or its exact name when no other version you can see has it; binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        [ValidateNotNull]
        public virtual DatasetVersion? DatasetVersion { get; set; }

        /// <summary>The ids of the -DatasetVersion given; one given by id or name is first found (and stands in for it from then on).</summary>
        protected override VersionIds? IdsFromObject
        {
            get
            {
                if (DatasetVersion == null) return null;
                DatasetVersion = ReferenceOrStop(DatasetVersion, lookUpIds: true)!; // its dataset is not known yet: found among those the user can see
                return new VersionIds(DatasetVersion.DatasetId, DatasetVersion.Id);
            }
        }

        /// <summary>The version: the one given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetDatasetVersion(out DatasetVersion version)
        {
            var ids = LocateVersion();
            return TryFetch(DatasetVersion, ids.DatasetVersionId, (id, ct) => Client.DatasetVersions.GetAsync(ids.DatasetId, id, ct), out version);
        }

        /// <summary>
        /// Get-* of the named children of the version (splits, labels): those with the given <paramref name="ids"/>, or
        /// all of them, narrowed by <paramref name="namePattern"/> (wildcards) when given.
        /// </summary>
        protected void WriteChildren<T>(VersionChildClient<T> children, string? namePattern, string[]? ids) where T : DatasetVersionChild
        {
            var version = LocateVersion();
            if (ids != null)
            {
                foreach (var id in ids)
                    if (TryRun(ct => children.GetAsync(version.DatasetId, version.DatasetVersionId, id, ct), id, out var child)) WriteObject(child);
                return;
            }
            if (!TryRun(ct => children.GetAllAsync(version.DatasetId, version.DatasetVersionId, ct), version.DatasetVersionId, out var all)) return;
            var pattern = string.IsNullOrEmpty(namePattern) ? null : WildcardPattern.Get(namePattern, WildcardOptions.IgnoreCase);
            WriteObject(all.Where(c => pattern == null || pattern.IsMatch(c.Name)), enumerateCollection: true);
        }

        /// <summary>New-* of the named children of the version: one per name, built by <paramref name="build"/>.</summary>
        protected void CreateChildren<T>(VersionChildClient<T> children, string[] names, string description, Func<string, VersionIds, T> build)
            where T : DatasetVersionChild
        {
            var version = LocateVersion();
            foreach (var name in names)
            {
                var child = build(name, version);
                child.Description = description;
                if (!ShouldProcess($"{Describe(ErrorNoun, child)} in dataset version {version.DatasetVersionId}", "Create")) continue;
                if (TryRun(ct => children.CreateAsync(version.DatasetId, version.DatasetVersionId, child, ct), name, out var created)) WriteObject(created);
            }
        }
    }
}
