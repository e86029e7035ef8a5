using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Get-* of the named children of a version (splits, labels): all of them, those matching
    /// -Name (wildcards, never from the pipeline), or those with the given -Id.
    /// </summary>
    public abstract class GetVersionChildCmdlet<T> : DatasetVersionCmdlet where T : DatasetVersionChild
    {
        /// <summary><para type="description">The name; wildcards allowed.</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">The ids to get.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected abstract VersionChildClient<T> Children { get; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            if (Id != null)
            {
                foreach (var id in Id)
                    if (TryRun(ct => Children.GetAsync(version.DatasetId, version.VersionId, id, ct), id, out var child)) WriteObject(child);
                return;
            }
            if (!TryRun(ct => Children.GetAllAsync(version.DatasetId, version.VersionId, ct), version.VersionId, out var all)) return;
            var pattern = string.IsNullOrEmpty(Name) ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            WriteObject(all.Where(c => pattern == null || pattern.IsMatch(c.Name)), enumerateCollection: true);
        }
    }

    /// <summary>New-* of the named children of a version: one per -Name.</summary>
    public abstract class NewVersionChildCmdlet<T> : DatasetVersionCmdlet where T : DatasetVersionChild
    {
        /// <summary><para type="description">The names of the ones to create.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary><para type="description">What it is for.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        protected abstract VersionChildClient<T> Children { get; }

        /// <summary>The entity to send for one name (the subclass fills in its own fields).</summary>
        protected abstract T Build(string name, VersionIds version);

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            foreach (var name in Name)
            {
                var child = Build(name, version);
                child.Description = Description;
                if (!ShouldProcess($"{Describe(ErrorNoun, child)} in dataset version {version.VersionId}", "Create")) continue;
                if (TryRun(ct => Children.CreateAsync(version.DatasetId, version.VersionId, child, ct), name, out var created)) WriteObject(created);
            }
        }
    }

    /// <summary>
    /// Base of the commands on one child of a version (splits, labels, items): the entity object
    /// (mandatory in <see cref="VersionObjectOrIdsCmdlet.ObjectSet"/>, by value, declared by the
    /// subclass) or the mandatory -DatasetId, -DatasetVersionId and -Id.
    /// </summary>
    public abstract class VersionChildCmdlet<T> : VersionObjectOrIdsCmdlet where T : DatasetVersionChild
    {
        /// <summary><para type="description">The id (with -DatasetId and -DatasetVersionId, instead of the object). Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public virtual string Id { get; set; } = "";

        /// <summary>The object the command was given (the subclass's -Split, -Label, -Item), or null.</summary>
        protected abstract T? InputObject { get; }

        /// <summary>The version id the object carries (VersionId of splits and labels, DatasetVersionId of items).</summary>
        protected abstract string VersionIdOf(T entity);

        protected abstract Task<T> GetAsync(VersionIds version, string id, CancellationToken cancellationToken);

        protected override VersionIds? IdsFromObject =>
            InputObject == null ? (VersionIds?)null : new VersionIds(InputObject.DatasetId, VersionIdOf(InputObject));

        /// <summary>The object given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetEntity(out T entity)
        {
            var version = LocateVersion();
            return TryFetch(InputObject, Id, (id, ct) => GetAsync(version, id, ct), out entity);
        }
    }

    /// <summary>Set-* of a version's children: -Name and -Description (and the subclass's fields), -PassThru.</summary>
    public abstract class SetVersionChildCmdlet<T> : VersionChildCmdlet<T> where T : DatasetVersionChild
    {
        /// <summary><para type="description">The new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Output the updated object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract Task<T> PutAsync(VersionIds version, T entity, CancellationToken cancellationToken);

        /// <summary>Applies the subclass's own fields.</summary>
        protected virtual void EditMore(T entity) { }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            if (TryGetEntity(out var entity)) Update(ErrorNoun, entity, Edit, (e, ct) => PutAsync(version, e, ct), PassThru);
        }

        private void Edit(T entity)
        {
            if (Name != null) entity.Name = Name;
            if (Description != null) entity.Description = Description;
            EditMore(entity);
        }
    }

    /// <summary>Remove-* of a version's children, with -PassThru.</summary>
    public abstract class RemoveVersionChildCmdlet<T> : VersionChildCmdlet<T> where T : DatasetVersionChild
    {
        /// <summary><para type="description">Output the deleted object.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract Task<T> DeleteAsync(VersionIds version, string id, CancellationToken cancellationToken);

        /// <summary>Resolves the subclass's own arguments before anything is fetched or changed.</summary>
        protected virtual void Prepare(VersionIds version) { }

        /// <summary>What ShouldProcess says will happen.</summary>
        protected virtual string RemoveAction => "Remove";

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            Prepare(version);
            if (TryGetEntity(out var entity)) Remove(ErrorNoun, entity, ct => DeleteAsync(version, entity.Id, ct), PassThru, RemoveAction);
        }
    }
}

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that work on one item (its image, its annotations): -Item from the
    /// pipeline, or -DatasetId, -DatasetVersionId and -Id.
    /// </summary>
    public abstract class ItemCmdlet : VersionChildCmdlet<DatasetItem>
    {
        /// <summary><para type="description">The item (from Get-SeeMeDatasetItem); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public virtual DatasetItem? Item { get; set; }

        protected override DatasetItem? InputObject => Item;
        protected override string VersionIdOf(DatasetItem entity) => entity.DatasetVersionId;
        protected override Task<DatasetItem> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Items.GetAsync(version.DatasetId, version.VersionId, id, ct);
    }
}
