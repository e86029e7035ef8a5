using System.Text.Json.Nodes;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Datasets;

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
        if (name.Length == 0) throw ApiException.BadRequest($"A {Noun} needs a name.");
        if (List(scope).Any(other => other.Str("id") != doc.Str("id") && other.Str("name") == name))
            throw ApiException.BadRequest($"A {Noun} named '{name}' already exists in this dataset version.");
        doc["name"] = name;
    }
}

/// <summary>List, create, get, update and delete of one kind of child under datasets/{ds}/versions/{dv}/.</summary>
public static class VersionChildEndpoints
{
    public static void Map(RouteGroupBuilder api, VersionChildRules rules)
    {
        var list = "datasets/{ds}/versions/{dv}/" + rules.Route;
        var one = list + "/{id}";
        api.MapGet(list, (HttpContext c, string ds, string dv, Store s, FileStore f) => ListAll(rules, VersionScope.Read(c, s, f, ds, dv)));
        api.MapPost(list, async (HttpContext c, string ds, string dv, Store s, FileStore f) => Create(rules, VersionScope.Write(c, s, f, ds, dv), await c.Request.ReadJsonObjectAsync()));
        api.MapGet(one, (HttpContext c, string ds, string dv, string id, Store s, FileStore f) => Reply.Json(DatasetWire.Clean(rules.Kind, rules.Find(VersionScope.Read(c, s, f, ds, dv), id))));
        api.MapPut(one, async (HttpContext c, string ds, string dv, string id, Store s, FileStore f) => Update(rules, VersionScope.Write(c, s, f, ds, dv), id, await c.Request.ReadJsonObjectAsync()));
        api.MapDelete(one, (HttpContext c, string ds, string dv, string id, Store s, FileStore f) => Delete(rules, VersionScope.Write(c, s, f, ds, dv), id));
    }

    private static IResult ListAll(VersionChildRules rules, VersionScope scope) =>
        Reply.Json(DatasetReplies.Array(rules.Kind, rules.List(scope)));

    private static IResult Create(VersionChildRules rules, VersionScope scope, JsonObject body)
    {
        var doc = scope.NewChild(rules.Kind);
        DatasetWire.Apply(rules.Kind, doc, body, rules.ServerOwned);
        scope.Store.InTransaction(() =>
        {
            rules.Complete(scope, doc, isNew: true);
            scope.Put(rules.Kind, doc);
        });
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }

    private static IResult Update(VersionChildRules rules, VersionScope scope, string id, JsonObject body)
    {
        var doc = scope.Store.InTransaction(() =>
        {
            var current = rules.Find(scope, id);
            DatasetWire.Apply(rules.Kind, current, body, rules.ServerOwned);
            rules.Complete(scope, current, isNew: false);
            scope.Put(rules.Kind, Entities.Touch(current));
            return current;
        });
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }

    private static IResult Delete(VersionChildRules rules, VersionScope scope, string id)
    {
        var cascade = new Cascade(scope.Store, scope.Files);
        var doc = scope.Store.InTransaction(() =>
        {
            var current = rules.Find(scope, id);
            rules.Delete(cascade, scope, current);
            return current;
        });
        cascade.Cleanup();
        return Reply.Json(DatasetWire.Clean(rules.Kind, doc));
    }
}
