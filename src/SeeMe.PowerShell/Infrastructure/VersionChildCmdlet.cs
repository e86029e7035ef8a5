using System;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of Set-* and Remove-* of a version's splits and labels: the entity object (mandatory in
    /// <see cref="VersionScopedCmdlet.ObjectSet"/>, by value, declared by the command as -Split or -Label) or the
    /// mandatory -DatasetId, -DatasetVersionId and -Id. Items have their own base, <see cref="ItemCmdlet"/>.
    /// </summary>
    public abstract class VersionChildCmdlet<T> : VersionScopedCmdlet where T : DatasetVersionChild
    {
        /// <summary><para type="description">The id (with -DatasetId and -DatasetVersionId, instead of the object). Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The object the command was given (its -Split or -Label), or null.</summary>
        protected abstract T? InputObject { get; }

        /// <summary>The Core client of this kind of child (Client.Splits, Client.Labels).</summary>
        protected abstract VersionChildClient<T> Children { get; }

        protected override VersionIds? IdsFromObject =>
            InputObject == null ? (VersionIds?)null : new VersionIds(InputObject.DatasetId, InputObject.DatasetVersionId);

        /// <summary>The object given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetEntity(out T entity)
        {
            var version = LocateVersion();
            return TryFetch(InputObject, Id, (id, ct) => Children.GetAsync(version.DatasetId, version.DatasetVersionId, id, ct), out entity);
        }

        /// <summary>The Set-* flow: the new <paramref name="name"/> and <paramref name="description"/> (when given) and what <paramref name="editMore"/> changes.</summary>
        protected void UpdateChild(string? name, string? description, Action<T> editMore, bool passThru)
        {
            var version = LocateVersion();
            if (!TryGetEntity(out var entity)) return;
            Update(ErrorNoun, entity, child =>
            {
                ApplyNameAndDescription(child, name, description);
                editMore(child);
            }, (child, ct) => Children.UpdateAsync(version.DatasetId, version.DatasetVersionId, child, ct), passThru);
        }

        /// <summary>The Remove-* flow.</summary>
        protected void RemoveChild(bool passThru)
        {
            var version = LocateVersion();
            if (TryGetEntity(out var entity)) Remove(ErrorNoun, entity, ct => Children.DeleteAsync(version.DatasetId, version.DatasetVersionId, entity.Id, ct), passThru);
        }
    }
}
