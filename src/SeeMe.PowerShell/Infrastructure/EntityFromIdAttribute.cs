using System;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Lets an entity parameter (-Model, -Dataset, -DatasetVersion, -Version, -Job, ...) take the entity, its id or
    /// its exact name: a string becomes a stand-in that the command resolves before use (see
    /// <see cref="SeeMeCmdlet.TryFetch{T}"/>): an id is fetched, a name is looked up among those the user can see.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EntityFromIdAttribute : ArgumentTransformationAttribute
    {
        public EntityFromIdAttribute(Type entityType) => EntityType = entityType;

        public Type EntityType { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value is object[] many) return many.Select(Unwrap).Select(ToEntity).ToArray();
            return value is string ? ToEntity(value) : inputData;
        }

        /// <summary>A typed id or name becomes a stand-in; an empty one (an -XxxId bound from an object that has none) means none.</summary>
        private object? ToEntity(object? value) => value is string text ? text.Length > 0 ? EntityStubs.Create(EntityType, text) : null : value;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>
    /// Stand-ins for what was typed at the prompt: an id (every SeeMe id is a UUID), whose stand-in carries it as
    /// its Id, or a name, whose stand-in has no Id yet. Both are resolved before use.
    /// </summary>
    internal static class EntityStubs
    {
        private static readonly ConditionalWeakTable<object, string> Typed = new ConditionalWeakTable<object, string>();

        public static object Create(Type entityType, string text)
        {
            var entity = (SeeMeEntity)Activator.CreateInstance(entityType)!;
            if (IsId(text)) entity.Id = text;
            else if (entity is NamedEntity named) named.Name = text;
            Typed.Add(entity, text);
            return entity;
        }

        public static T Create<T>(string id) where T : SeeMeEntity => (T)Create(typeof(T), id);

        public static bool IsStub(object entity) => Typed.TryGetValue(entity, out _);

        /// <summary>The name a stand-in stands for; null for a real entity or an id.</summary>
        public static string? NameOf(object? entity) =>
            entity != null && Typed.TryGetValue(entity, out var text) && !IsId(text) ? text : null;

        public static bool IsId(string text) => Guid.TryParse(text, out _);
    }
}
