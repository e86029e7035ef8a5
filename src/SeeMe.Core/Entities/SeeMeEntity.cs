using System;

namespace SeeMe.Core.Entities
{
    /// <summary>What every SeeMe entity has: id and timestamps (and, as every wire object, the fields this version does not know).</summary>
    public abstract class SeeMeEntity : WireObject
    {
        public string Id { get; set; } = "";
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Copies the ids this client adds (not wire fields) onto a copy of this entity.</summary>
        internal virtual void CopyParentIdsTo(SeeMeEntity copy) { }
    }

    public static class SeeMeEntityExtensions
    {
        /// <summary>A deep copy to edit without touching the original: wire fields, unknown fields and parent ids.</summary>
        public static T DeepCopy<T>(this T entity) where T : SeeMeEntity
        {
            var copy = Http.SeeMeJson.Deserialize<T>(Http.SeeMeJson.Serialize(entity));
            entity.CopyParentIdsTo(copy);
            return copy;
        }
    }

    /// <summary>An entity with a name and a description.</summary>
    public abstract class NamedEntity : SeeMeEntity
    {
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name;
    }
}
