using System;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Lets an entity parameter (-Model, -Version, -Prediction, ...) take the entity or just its id:
    /// a string becomes an id-only stand-in that the command fetches when it needs more than the id.
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
            return ToEntity(value) ?? inputData;
        }

        private object? ToEntity(object? value) => value is string id && id.Length > 0 ? EntityStubs.Create(EntityType, id) : value;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>Id-only stand-ins made from ids typed at the prompt; they are fetched before use.</summary>
    internal static class EntityStubs
    {
        private static readonly ConditionalWeakTable<object, object> Stubs = new ConditionalWeakTable<object, object>();

        public static object Create(Type entityType, string id)
        {
            var entity = (SeeMeEntity)Activator.CreateInstance(entityType)!;
            entity.Id = id;
            Stubs.Add(entity, entity);
            return entity;
        }

        public static T Create<T>(string id) where T : SeeMeEntity => (T)Create(typeof(T), id);

        public static bool IsStub(object entity) => Stubs.TryGetValue(entity, out _);
    }
}
