using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>The wire shape of datasets and versions: a dataset with its versions, a version with its labels and splits.</summary>
public static class DatasetReplies
{
    public static JsonObject Dataset(Store store, Caller caller, JsonObject dataset)
    {
        var reply = DatasetWire.Clean(Kinds.Dataset, Access.AsSeenBy(store, caller, (JsonObject)dataset.DeepClone()));
        reply["versions"] = new JsonArray(store.List(Kinds.DatasetVersion, dataset.Str("id")).Select(v => (JsonNode)Version(store, v)).ToArray());
        return reply;
    }

    public static JsonObject Version(Store store, JsonObject version)
    {
        var id = version.Str("id");
        var reply = DatasetWire.Clean(Kinds.DatasetVersion, version);
        reply["labels"] = Array(Kinds.Label, store.List(Kinds.Label, id).OrderBy(l => (int?)l["index"] ?? 0));
        reply["splits"] = Array(Kinds.Split, store.List(Kinds.Split, id));
        return reply;
    }

    public static JsonArray Array(string kind, IEnumerable<JsonObject> docs) =>
        new(docs.Select(d => (JsonNode)DatasetWire.Clean(kind, d)).ToArray());
}

/// <summary>
/// Builds the replies of some items of one version: splits as full split objects, annotations
/// embedded. Reads the version's splits and the annotations of those items only (two queries).
/// </summary>
public sealed class ItemReplies
{
    private readonly Dictionary<string, JsonObject> _splits;
    private readonly ILookup<string, JsonObject> _annotations;

    private ItemReplies(VersionScope scope, IEnumerable<JsonObject> items)
    {
        _splits = scope.Splits().ToDictionary(s => s.Str("id"));
        _annotations = scope.AnnotationsOf(items.Select(i => i.Str("id"))).ToLookup(a => a.Str("item_id"));
    }

    private JsonObject Reply(JsonObject item)
    {
        var reply = DatasetWire.Clean(Kinds.Item, item);
        reply["splits"] = DatasetReplies.Array(Kinds.Split, ItemSplits.Of(item).Where(_splits.ContainsKey).Select(id => _splits[id]));
        reply["annotations"] = DatasetReplies.Array(Kinds.Annotation, _annotations[item.Str("id")]);
        return reply;
    }

    public static List<JsonObject> For(VersionScope scope, List<JsonObject> items)
    {
        var replies = new ItemReplies(scope, items);
        return items.Select(replies.Reply).ToList();
    }

    public static JsonObject One(VersionScope scope, JsonObject item) => new ItemReplies(scope, [item]).Reply(item);
}

/// <summary>An item's split membership, stored as the internal list <see cref="References.ItemSplits"/>.</summary>
public static class ItemSplits
{
    public const string Key = References.ItemSplits;

    public static List<string> Of(JsonObject item) =>
        item[Key] is JsonArray ids ? ids.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToList() : [];

    public static void Set(JsonObject item, IEnumerable<string> splitIds) =>
        item[Key] = new JsonArray(splitIds.Distinct().Select(id => (JsonNode)JsonValue.Create(id)).ToArray());

    public static string First(JsonObject item) => Of(item).FirstOrDefault() ?? "";
}
