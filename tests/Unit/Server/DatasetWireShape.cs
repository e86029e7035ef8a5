using System.Text.Json.Nodes;

namespace SeeMe.Tests.Server;

/// <summary>
/// Asserts the wire shape of the dataset side's replies: each entity as <see cref="Wire.WireContract.Shapes"/> writes it,
/// held to the reply rules (<see cref="EntityWireShape"/>), plus what the SDKs need beyond the shape: label colours
/// as "#rrggbb" and no internal ('_') key on an item.
/// </summary>
public static class DatasetWireShape
{
    public static void Dataset(JsonNode node)
    {
        EntityWireShape.Assert("Dataset", node);
        foreach (var version in node["versions"]!.AsArray()) Colors(version);
    }

    public static void Version(JsonNode node)
    {
        EntityWireShape.Assert("DatasetVersion", node);
        Colors(node);
    }

    public static void Split(JsonNode node) => EntityWireShape.Assert("DatasetSplit", node);

    public static void Label(JsonNode node)
    {
        EntityWireShape.Assert("DatasetLabel", node);
        Color(node);
    }

    public static void Item(JsonNode node)
    {
        EntityWireShape.Assert("DatasetItem", node);
        Assert.DoesNotContain(node.AsObject(), p => p.Key.StartsWith('_'));
    }

    public static void Annotation(JsonNode node) => EntityWireShape.Assert("Annotation", node);

    public static void LabelStat(JsonNode node) => EntityWireShape.Assert("LabelStat", node);

    private static void Colors(JsonNode version)
    {
        foreach (var label in version["labels"]!.AsArray()) Color(label);
    }

    private static void Color(JsonNode label) =>
        Assert.Matches("^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$", (string)label["color"]);
}
