using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// A version loaded for export: the splits to export (all, or one), labels by index, items and
/// their annotations, and helpers to write entries.
/// </summary>
public sealed class ExportSource
{
    private readonly ILookup<string, JsonObject> _annotations;

    public ExportSource(VersionScope scope, string? splitId)
    {
        Scope = scope;
        var splits = scope.Splits();
        Splits = splitId is null ? splits : [scope.Split(splitId)];
        Labels = scope.Labels();
        LabelsById = Labels.ToDictionary(l => l.Str("id"));
        AllItems = scope.Items();
        _annotations = scope.Annotations().ToLookup(a => a.Str("item_id"));
    }

    public VersionScope Scope { get; }
    public List<JsonObject> Splits { get; }
    public List<JsonObject> Labels { get; }
    public Dictionary<string, JsonObject> LabelsById { get; }
    public List<JsonObject> AllItems { get; }
    public string VersionId => Scope.VersionId;

    public IEnumerable<JsonObject> ItemsIn(JsonObject split) => AllItems.Where(i => ItemSplits.Of(i).Contains(split.Str("id")));

    /// <summary>Items of the exported splits, each once, in creation order.</summary>
    public IEnumerable<JsonObject> ExportedItems()
    {
        var ids = Splits.Select(s => s.Str("id")).ToHashSet();
        return AllItems.Where(i => ItemSplits.Of(i).Any(ids.Contains));
    }

    public IEnumerable<JsonObject> AnnotationsOf(JsonObject item) => _annotations[item.Str("id")];

    /// <summary>Labels of the item in a split (annotations of that split, or of no split of the item), in index order.</summary>
    public List<JsonObject> LabelsIn(JsonObject item, JsonObject split)
    {
        var itemSplits = ItemSplits.Of(item);
        return AnnotationsOf(item)
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
