using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Finds the one entity an id or a name given at the prompt means: the id, else the exact name (case ignored
    /// only when that leaves a single one). No match, or several, is an <see cref="ExplainedException"/> of the
    /// entity's kind that lists what matched and says what to pass instead.
    /// </summary>
    internal static class EntityNames
    {
        private const int Listed = 5;

        public static NamedEntity Single(IReadOnlyList<NamedEntity> visible, string idOrName, string kind)
        {
            if (EntityStubs.IsId(idOrName))
                return visible.FirstOrDefault(e => e.Id == idOrName) ?? throw NotFound(kind, $"with the id '{idOrName}'", Array.Empty<NamedEntity>());
            var named = visible.Where(e => e.Name == idOrName).ToList();
            if (named.Count == 0) named = visible.Where(e => string.Equals(e.Name, idOrName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1) return named[0];
            if (named.Count > 1) throw Ambiguous(kind, idOrName, named);
            throw NotFound(kind, $"named '{idOrName}'", visible.Where(e => Resembles(e.Name, idOrName)).ToList());
        }

        /// <summary>"Model" → "model", "DatasetVersion" → "dataset version".</summary>
        public static string Words(string kind) => Regex.Replace(kind, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

        private static ExplainedException NotFound(string kind, string what, IReadOnlyList<NamedEntity> similar)
        {
            var message = $"There is no {Words(kind)} {what} that you can see." +
                          (similar.Count == 0 ? "" : $" Names like it: {List(similar)}.");
            return new ExplainedException(message, "NotFound", ErrorCategory.ObjectNotFound,
                $"Pass the exact name, the id or the object; {Listing(kind)} lists the ones you can see.", noun: kind);
        }

        private static ExplainedException Ambiguous(string kind, string name, IReadOnlyList<NamedEntity> named) =>
            new ExplainedException($"{named.Count} {Words(kind)}s are named '{name}': {List(named)}.", "NameAmbiguous",
                ErrorCategory.InvalidArgument, $"Pass the one you mean by its id, or as an object from {Listing(kind)}.", noun: kind);

        private static string List(IReadOnlyList<NamedEntity> entities) =>
            string.Join(", ", entities.Take(Listed).Select(Describe)) + (entities.Count > Listed ? $" and {entities.Count - Listed} more" : "");

        private static string Describe(NamedEntity entity)
        {
            var whose = entity is IOwnedEntity owned ? owned.SharedWithMe ? ", shared with you" : owned.Public ? ", public" : "" : "";
            return $"'{entity.Name}' ({entity.Id}{whose})";
        }

        private static string Listing(string kind) => kind switch
        {
            nameof(ModelVersion) => "Get-SeeMeModelVersion -Model <model>",
            nameof(DatasetVersion) => "Get-SeeMeDatasetVersion -Dataset <dataset>",
            _ => "Get-SeeMe" + kind,
        };

        private static bool Resembles(string name, string given) =>
            name.Length > 0 && (name.IndexOf(given, StringComparison.OrdinalIgnoreCase) >= 0 || given.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
