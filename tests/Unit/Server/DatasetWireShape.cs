using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeeMe.Tests.Server;

/// <summary>
/// Asserts the wire shape of the dataset side (docs/wire-contract.md, "Entities"): every key present,
/// strings never null, lists never null, ids and parent ids non-empty where the SDKs need them.
/// </summary>
public static class DatasetWireShape
{
    private static readonly string[] Common = ["id", "created_at", "updated_at"];

    public static void Dataset(JsonNode node)
    {
        Keys(node, Common, ["name", "description", "user_id", "notes", "content_type", "logo"], ["multi_label", "default_splits", "has_logo", "public", "shared_with_me"], ["versions"]);
        Assert.True(node.AsObject().ContainsKey("deleted_at"), "deleted_at");
        Assert.NotEqual("", (string)node["content_type"]);
        foreach (var version in node["versions"]!.AsArray()) Version(version);
    }

    public static void Version(JsonNode node)
    {
        Keys(node, Common, ["name", "description", "user_id", "dataset_id", "default_split", "config"], [], ["labels", "splits"]);
        Assert.True(node.AsObject().ContainsKey("deleted_at"), "deleted_at");
        NonEmpty(node, "dataset_id");
        foreach (var label in node["labels"]!.AsArray()) Label(label);
        foreach (var split in node["splits"]!.AsArray()) Split(split);
    }

    public static void Split(JsonNode node)
    {
        Keys(node, Common, ["name", "description", "user_id", "version_id"], [], []);
        NonEmpty(node, "version_id");
    }

    public static void Label(JsonNode node)
    {
        Keys(node, Common, ["name", "description", "user_id", "version_id", "color", "shortcut"], [], []);
        NonEmpty(node, "version_id");
        Assert.Equal(JsonValueKind.Number, node["index"]!.GetValueKind());
        Assert.Matches("^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$", (string)node["color"]);
    }

    public static void Item(JsonNode node)
    {
        Keys(node, Common, ["name", "description", "user_id", "text", "extension"], [], ["splits", "annotations"]);
        foreach (var split in node["splits"]!.AsArray()) Split(split);
        foreach (var annotation in node["annotations"]!.AsArray()) Annotation(annotation);
        Assert.DoesNotContain(node.AsObject(), p => p.Key.StartsWith('_'));
    }

    public static void Annotation(JsonNode node)
    {
        Keys(node, Common, ["label_id", "item_id", "split_id", "coordinates", "user_id"], [], []);
        NonEmpty(node, "label_id");
        NonEmpty(node, "item_id");
    }

    public static void LabelStat(JsonNode node)
    {
        Keys(node, [], ["label_id", "split_id"], [], []);
        foreach (var key in new[] { "count", "annotation_count", "item_count" })
            Assert.Equal(JsonValueKind.Number, node[key]!.GetValueKind());
    }

    private static void Keys(JsonNode node, string[] ids, string[] strings, string[] booleans, string[] lists)
    {
        var obj = Assert.IsType<JsonObject>(node);
        foreach (var key in ids.Concat(strings))
        {
            Assert.True(obj.ContainsKey(key), $"missing key '{key}' in {obj.ToJsonString()}");
            Assert.True(obj[key]?.GetValueKind() == JsonValueKind.String, $"'{key}' must be a string in {obj.ToJsonString()}");
        }
        foreach (var key in ids) NonEmpty(node, key);
        foreach (var key in booleans)
            Assert.True(obj[key]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"'{key}' must be a boolean");
        foreach (var key in lists)
            Assert.True(obj[key]?.GetValueKind() == JsonValueKind.Array, $"'{key}' must be a list");
    }

    private static void NonEmpty(JsonNode node, string key) =>
        Assert.False(string.IsNullOrEmpty((string)node[key]), $"'{key}' must not be empty in {node.ToJsonString()}");
}
