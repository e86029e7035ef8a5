using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// A version being exported: the splits to export (all, or one), labels by index, and its items
/// with their annotations, walked in creation order a batch at a time (an export of any size holds
/// one batch of items in memory, not the version); and helpers to write entries.
/// </summary>
public sealed class ExportSource
{
    private const int BatchSize = 500;

    public ExportSource(VersionScope scope, string? splitId)
    {
        Scope = scope;
        Splits = splitId is null ? scope.Splits() : [scope.Split(splitId)];
        Labels = scope.Labels();
        LabelsById = Labels.ToDictionary(l => l.Str("id"));
    }

    public VersionScope Scope { get; }
    public List<JsonObject> Splits { get; }
    public List<JsonObject> Labels { get; }
    public Dictionary<string, JsonObject> LabelsById { get; }
    public string DatasetVersionId => Scope.DatasetVersionId;

    /// <summary>The items of one split, in creation order.</summary>
    public IEnumerable<ExportItem> ItemsIn(JsonObject split) => Walk([split.Str("id")]);

    /// <summary>Items of the exported splits, each once, in creation order.</summary>
    public IEnumerable<ExportItem> ExportedItems() => Walk(Splits.Select(s => s.Str("id")).ToList());

    private IEnumerable<ExportItem> Walk(IReadOnlyCollection<string> splitIds)
    {
        foreach (var batch in Scope.Store.ItemBatchesInSplits(DatasetVersionId, splitIds, BatchSize))
        {
            var annotations = Scope.AnnotationsOf(batch.Select(i => i.Str("id"))).ToLookup(a => a.Str("item_id"));
            foreach (var item in batch) yield return new ExportItem(item, annotations[item.Str("id")].ToList());
        }
    }

    /// <summary>Labels of the item in a split (annotations of that split, or of no split of the item), in index order.</summary>
    public List<JsonObject> LabelsIn(ExportItem item, JsonObject split)
    {
        var itemSplits = ItemSplits.Of(item.Doc);
        return item.Annotations
            .Where(a => a.Str("split_id") == split.Str("id") || !itemSplits.Contains(a.Str("split_id")))
            .Select(a => LabelsById.GetValueOrDefault(a.Str("label_id")))
            .OfType<JsonObject>().Distinct().OrderBy(l => (int?)l["index"] ?? 0).ToList();
    }

    public bool HasImage(JsonObject item) => ItemFiles.HasImage(Scope, item);

    /// <summary>A text item: no image, and text (or a text-like dataset).</summary>
    public bool IsText(JsonObject item) =>
        item.Str("extension").Length == 0 && (item.Str("text").Length > 0 || Scope.Dataset.Str("content_type") is "text" or "ner" or "documents");

    public static void WriteFolder(ZipArchive zip, string path) => zip.CreateEntry(path.TrimEnd('/') + "/");

    public static void WriteText(ZipArchive zip, string path, string text)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    public void WriteImage(ZipArchive zip, string path, JsonObject item)
    {
        using var target = zip.CreateEntry(path, CompressionLevel.NoCompression).Open();
        using var source = File.OpenRead(ItemFiles.Image(Scope, item));
        source.CopyTo(target);
    }

    /// <summary>A split or label name usable as one path segment.</summary>
    public static string Segment(string name)
    {
        var safe = new string(name.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray());
        return safe is "" or "." or ".." ? "_" : safe;
    }
}

/// <summary>An item to export and its annotations.</summary>
public sealed record ExportItem(JsonObject Doc, List<JsonObject> Annotations);

/// <summary>
/// Unique file names within one folder of an export: <c>name.ext</c>, or <c>id.ext</c> when the
/// name is empty or already taken (compared case-insensitively, and by stem when asked, so that
/// YOLO's per-image .txt files cannot collide).
/// </summary>
public sealed class FileNames(bool byStem = false)
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public void Reserve(string key) => _used.Add(key);

    public string For(JsonObject item, string extension)
    {
        var name = item.Str("name");
        var safe = name.Length == 0 ? "" : ExportSource.Segment(name);
        foreach (var stem in new[] { safe, item.Str("id"), item.Str("id") + "-" + Guid.NewGuid().ToString("N")[..8] })
        {
            if (stem.Length == 0) continue;
            var file = stem + "." + extension;
            if (_used.Add(byStem ? stem : file)) return file;
        }
        throw new InvalidOperationException("unreachable");
    }
}
