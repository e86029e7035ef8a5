using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>What differs between the simple children of a version (splits, labels).</summary>
public abstract class VersionChildRules
{
    /// <summary>The document kind, e.g. <see cref="Kinds.Split"/>.</summary>
    public abstract string Kind { get; }
    /// <summary>The route segment under the version, e.g. "splits".</summary>
    public abstract string Route { get; }
    /// <summary>The noun in messages, e.g. "split".</summary>
    public abstract string Noun { get; }
    /// <summary>Fields the server assigns (besides id, user_id and timestamps).</summary>
    public abstract string[] ServerOwned { get; }

    /// <summary>Fills in and checks server-decided fields of a new or updated document (400 on bad input).</summary>
    public abstract void Complete(VersionScope scope, JsonObject doc, bool isNew);

    /// <summary>Deletes the document with what depends on it.</summary>
    public abstract void Delete(Cascade cascade, VersionScope scope, JsonObject doc);

    public abstract List<JsonObject> List(VersionScope scope);
    public abstract JsonObject Find(VersionScope scope, string id);

    /// <summary>400 unless the name is non-empty and unique among the version's children of this kind.</summary>
    protected void RequireUniqueName(VersionScope scope, JsonObject doc)
    {
        var name = doc.Str("name").Trim();
        if (name.Length == 0) throw DomainException.Invalid($"A {Noun} needs a name.");
        if (List(scope).Any(other => other.Str("id") != doc.Str("id") && other.Str("name") == name))
            throw DomainException.Invalid($"A {Noun} named '{name}' already exists in this dataset version.");
        doc["name"] = name;
    }
}
