using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SeeMe.Core.Models
{
    /// <summary>
    /// What every SeeMe entity has: id and timestamps. Fields this version does not know are kept
    /// and sent back on update, so a newer server's fields are never dropped.
    /// </summary>
    public abstract class SeeMeEntity
    {
        [JsonExtensionData]
        private IDictionary<string, JToken> _unknownFields = new Dictionary<string, JToken>();

        public string Id { get; set; } = "";
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>A field the server sent that this client has no property for (null when absent).</summary>
        public JToken? GetUnknownField(string name) => _unknownFields.TryGetValue(name, out var value) ? value : null;

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
