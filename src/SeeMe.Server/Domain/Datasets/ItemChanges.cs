using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>Creating, updating and deleting items from the client's JSON (splits by id or name, annotations reconciled).</summary>
public static class ItemChanges
{
    /// <summary>Fields the server decides: the image's <c>extension</c> (set by the upload); splits and annotations are handled apart.</summary>
    private static readonly string[] ServerOwned = ["splits", "annotations", "extension"];

    public static JsonObject Create(VersionScope scope, JsonObject body) => scope.Store.InTransaction(() =>
    {
        var item = scope.NewChild(Kinds.Item);
        DatasetWire.Apply(Kinds.Item, item, body, ServerOwned);
        ItemSplits.Set(item, SplitIds(scope, body["splits"]) ?? []);
        scope.Put(Kinds.Item, item);
        foreach (var entry in AnnotationList(body) ?? []) AnnotationChanges.Create(scope, item, Entry(entry));
        return item;
    });

    public static JsonObject Update(VersionScope scope, string id, JsonObject body) => scope.Store.InTransaction(() =>
    {
        var item = scope.Item(id);
        DatasetWire.Apply(Kinds.Item, item, body, ServerOwned);
        if (SplitIds(scope, body["splits"]) is { } splitIds) ItemSplits.Set(item, splitIds);
        scope.Put(Kinds.Item, Entities.Touch(item));
        if (AnnotationList(body) is { } annotations) AnnotationChanges.Reconcile(scope, item, annotations);
        return item;
    });

    /// <summary>Deletes the item with its annotations and files; returns the item as it was.</summary>
    public static JsonObject Delete(VersionScope scope, string id)
    {
        var cascade = new Cascade(scope.Store, scope.Files);
        var before = scope.Store.InTransaction(() =>
        {
            var item = scope.Item(id);
            var reply = ItemReplies.One(scope, item);
            cascade.Item(scope, item);
            return reply;
        });
        cascade.Cleanup();
        return before;
    }

    /// <summary>Takes the item out of one split (deleting it when it is left in none); returns the item as it was.</summary>
    public static JsonObject DeleteFromSplit(VersionScope scope, string splitId, string id)
    {
        var cascade = new Cascade(scope.Store, scope.Files);
        var before = scope.Store.InTransaction(() =>
        {
            scope.Split(splitId);
            var item = scope.Item(id);
            if (!ItemSplits.Of(item).Contains(splitId)) throw DomainException.NotFound($"Item '{id}' in split", splitId);
            var reply = ItemReplies.One(scope, item);
            cascade.RemoveFromSplit(scope, item, splitId);
            return reply;
        });
        cascade.Cleanup();
        return before;
    }

    /// <summary>The split ids of a <c>splits</c> list (split objects, matched by id or else by name, or bare ids); null when not sent.</summary>
    private static List<string>? SplitIds(VersionScope scope, JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonArray list) throw DomainException.Invalid("Field 'splits' must be a list of splits.");
        var splits = scope.Splits();
        return list.Select(entry =>
        {
            var (id, name) = entry switch
            {
                JsonObject o => (DatasetWire.BodyString(o, "id"), DatasetWire.BodyString(o, "name")),
                JsonValue v when v.TryGetValue<string>(out var s) => (s, ""),
                _ => throw DomainException.Invalid("Each entry of 'splits' must be a split object or a split id."),
            };
            var match = id.Length > 0 ? splits.FirstOrDefault(s => s.Str("id") == id) : splits.FirstOrDefault(s => s.Str("name") == name);
            return match?.Str("id") ?? throw DomainException.Invalid($"Split '{(id.Length > 0 ? id : name)}' is not in this dataset version.");
        }).ToList();
    }

    private static JsonArray? AnnotationList(JsonObject body) => body["annotations"] switch
    {
        null => null,
        JsonArray list => list,
        _ => throw DomainException.Invalid("Field 'annotations' must be a list of annotations."),
    };

    private static JsonObject Entry(JsonNode? node) =>
        node as JsonObject ?? throw DomainException.Invalid("Each entry of 'annotations' must be an object.");
}
