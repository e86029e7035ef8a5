using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Per label of a version, over the items of one split: <c>annotation_count</c> = annotations with
/// that label, <c>item_count</c> = items with at least one of them, <c>count</c> = item_count; plus
/// the entry with <c>label_id: ""</c> whose counts are the split's items without any annotation.
/// </summary>
public static class LabelStats
{
    public static JsonArray For(VersionScope scope, JsonObject split)
    {
        var splitId = split.Str("id");
        var counts = scope.Store.CountSplit(splitId);
        var entries = scope.Labels().Select(label =>
        {
            var (annotations, items) = counts.ByLabel.GetValueOrDefault(label.Str("id"));
            return Entry(label.Str("id"), splitId, items, annotations, items);
        }).ToList();
        entries.Add(Entry("", splitId, counts.Unlabelled, 0, counts.Unlabelled));
        return new JsonArray(entries.ToArray());
    }

    private static JsonNode Entry(string labelId, string splitId, int count, int annotationCount, int itemCount) => new JsonObject
    {
        ["label_id"] = labelId,
        ["split_id"] = splitId,
        ["count"] = count,
        ["annotation_count"] = annotationCount,
        ["item_count"] = itemCount,
    };
}
