using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// The stored documents of the dataset side versus their wire shape: keys starting with '_' are
/// the server's own bookkeeping (e.g. an item's version and split ids) and never leave it; every
/// reply is normalised so it holds every key of its kind.
/// </summary>
public static class DatasetWire
{
    /// <summary>A reply copy of a stored document: internal keys removed, every key present.</summary>
    public static JsonObject Clean(string kind, JsonObject stored)
    {
        var doc = (JsonObject)stored.DeepClone();
        foreach (var key in doc.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList()) doc.Remove(key);
        return Entities.Normalize(kind, doc);
    }

    /// <summary>
    /// Copies the client's fields onto <paramref name="target"/> after checking their JSON types
    /// (a string field must be a string, ...) and the length of names (<see cref="NameRules"/>): 400 naming the field otherwise. Server-owned fields
    /// and internal ('_') keys are ignored whatever they hold.
    /// </summary>
    public static JsonObject Apply(string kind, JsonObject target, JsonObject body, params string[] serverOwned)
    {
        var ignored = serverOwned.Concat(body.Select(p => p.Key).Where(k => k.StartsWith('_'))).ToArray();
        if (Entities.TypeProblem(kind, body, ignored) is { } problem) throw DomainException.Invalid(problem);
        NameRules.CheckBody(kind, body);
        return Entities.ApplyClientFields(target, body, ignored);
    }

    /// <summary>A string field of a request body ("" when missing or null; 400 when not a string).</summary>
    public static string BodyString(JsonObject body, string key)
    {
        var node = body[key];
        if (node is null) return "";
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw DomainException.Invalid($"Field '{key}' must be a string.");
    }
}
