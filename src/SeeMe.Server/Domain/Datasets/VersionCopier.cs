using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Duplicates a version into a dataset (the same or another one the caller owns): labels, splits,
/// items, annotations get new ids with every reference remapped, and item images are copied.
/// One transaction; on failure the copied files are removed.
/// </summary>
public sealed class VersionCopier(VersionScope source, JsonObject targetDataset)
{
    private readonly Dictionary<string, string> _ids = [];

    public JsonObject Copy() => source.Store.InTransaction(() =>
    {
        var version = DatasetChanges.NewVersion(source.Store, targetDataset, CopyFields(source.Version));
        version["name"] = source.Version.Str("name") + " (copy)";
        var target = VersionScope.Of(source.Store, source.Files, targetDataset, version);
        try
        {
            CopyAll(target, Kinds.Split, source.Splits());
            CopyAll(target, Kinds.Label, source.Labels());
            version["default_split"] = Map(source.Version.Str("default_split"));
            DatasetChanges.SaveVersion(source.Store, version);
            foreach (var item in source.Items()) CopyItem(target, item);
            CopyAll(target, Kinds.Annotation, source.Annotations(), a =>
            {
                a["item_id"] = Map(a.Str("item_id"));
                a["label_id"] = Map(a.Str("label_id"));
                a["split_id"] = Map(a.Str("split_id"));
            });
            return version;
        }
        catch
        {
            source.Files.Delete(ItemFiles.VersionFolder(source.Files, target.DatasetId, target.DatasetVersionId));
            throw;
        }
    });

    private static JsonObject CopyFields(JsonObject version)
    {
        var body = (JsonObject)version.DeepClone();
        body.Remove("default_split");
        return body;
    }

    private void CopyAll(VersionScope target, string kind, IEnumerable<JsonObject> docs, Action<JsonObject>? remap = null)
    {
        foreach (var doc in docs) target.Put(kind, Clone(target, kind, doc, remap));
    }

    private void CopyItem(VersionScope target, JsonObject item)
    {
        var copy = Clone(target, Kinds.Item, item, i => ItemSplits.Set(i, ItemSplits.Of(item).Select(Map)));
        target.Put(Kinds.Item, copy);
        if (!ItemFiles.HasImage(source, item)) return;
        var path = ItemFiles.Image(target, copy);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(ItemFiles.Image(source, item), path);
    }

    /// <summary>A copy with a new id, owned by the target dataset's owner and tied to the target version.</summary>
    private JsonObject Clone(VersionScope target, string kind, JsonObject doc, Action<JsonObject>? remap)
    {
        var copy = (JsonObject)doc.DeepClone();
        var fresh = target.NewChild(kind);
        foreach (var key in new[] { "id", "created_at", "updated_at", "user_id", VersionScope.DatasetVersionKey(kind) })
            if (fresh.ContainsKey(key)) copy[key] = fresh[key]!.DeepClone();
        _ids[doc.Str("id")] = copy.Str("id");
        remap?.Invoke(copy);
        return copy;
    }

    private string Map(string id) => _ids.GetValueOrDefault(id, id);
}
