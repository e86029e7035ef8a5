using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Deletes with everything that hangs below (documents inside the caller's transaction; files
/// are collected and removed by <see cref="Cleanup"/> only after the transaction committed).
/// </summary>
public sealed class Cascade(Store store, FileStore files)
{
    private readonly List<string> _paths = [];

    public void Dataset(JsonObject dataset)
    {
        var id = dataset.Str("id");
        foreach (var version in store.List(Kinds.DatasetVersion, id)) VersionDocs(version.Str("id"));
        foreach (var share in store.List(Kinds.Share, id)) store.Delete(Kinds.Share, share.Str("id"));
        store.Delete(Kinds.Dataset, id);
        _paths.Add(ItemFiles.DatasetFolder(files, id));
    }

    public void Version(string datasetId, string versionId)
    {
        VersionDocs(versionId);
        _paths.Add(ItemFiles.VersionFolder(files, datasetId, versionId));
    }

    /// <summary>Deletes an item, its annotations and its files.</summary>
    public void Item(VersionScope scope, JsonObject item) => Item(scope, item, AnnotationsOf(scope, item));

    /// <summary>
    /// Takes an item out of one split: its annotations in that split go; an item left in no split
    /// is deleted. Returns true when the item was deleted.
    /// </summary>
    public bool RemoveFromSplit(VersionScope scope, JsonObject item, string splitId) =>
        RemoveFromSplit(scope, item, splitId, AnnotationsOf(scope, item));

    /// <summary>Deletes a split: its items leave it (items in no other split are deleted), its annotations go.</summary>
    public void Split(VersionScope scope, JsonObject split)
    {
        var id = split.Str("id");
        foreach (var item in scope.ItemsInSplit(id)) RemoveFromSplit(scope, item, id);
        foreach (var annotation in scope.AnnotationsInSplit(id)) store.Delete(Kinds.Annotation, annotation.Str("id"));
        store.Delete(Kinds.Split, id);
    }

    private void Item(VersionScope scope, JsonObject item, IEnumerable<JsonObject> annotations)
    {
        var id = item.Str("id");
        foreach (var annotation in annotations) store.Delete(Kinds.Annotation, annotation.Str("id"));
        store.Delete(Kinds.Item, id);
        if (item.Str("extension").Length > 0) _paths.Add(ItemFiles.Image(scope, item));
        _paths.Add(ItemFiles.Thumbnail(files, scope.DatasetId, scope.DatasetVersionId, id));
    }

    private bool RemoveFromSplit(VersionScope scope, JsonObject item, string splitId, IEnumerable<JsonObject> annotations)
    {
        var remaining = ItemSplits.Of(item).Where(id => id != splitId).ToList();
        if (remaining.Count == 0)
        {
            Item(scope, item, annotations);
            return true;
        }
        foreach (var annotation in annotations.Where(a => a.Str("split_id") == splitId)) store.Delete(Kinds.Annotation, annotation.Str("id"));
        ItemSplits.Set(item, remaining);
        scope.Put(Kinds.Item, Entities.Touch(item));
        return false;
    }

    private static IEnumerable<JsonObject> AnnotationsOf(VersionScope scope, JsonObject item) => scope.AnnotationsOf(item.Str("id"));

    /// <summary>Deletes a label and its annotations; the remaining labels are renumbered 0..n-1.</summary>
    public void Label(VersionScope scope, JsonObject label)
    {
        var id = label.Str("id");
        foreach (var annotation in scope.AnnotationsWithLabel(id)) store.Delete(Kinds.Annotation, annotation.Str("id"));
        store.Delete(Kinds.Label, id);
        var index = 0;
        foreach (var remaining in scope.Labels())
        {
            if ((int?)remaining["index"] != index)
            {
                remaining["index"] = index;
                scope.Put(Kinds.Label, Entities.Touch(remaining));
            }
            index++;
        }
    }

    /// <summary>Removes the collected files and folders (after the transaction committed).</summary>
    public void Cleanup()
    {
        foreach (var path in _paths)
        {
            try { files.Delete(path); }
            catch (IOException) { } // a leftover file is harmless; the documents are gone
            catch (UnauthorizedAccessException) { }
        }
    }

    private void VersionDocs(string versionId)
    {
        foreach (var kind in new[] { Kinds.Annotation, Kinds.Item, Kinds.Label, Kinds.Split })
            foreach (var doc in store.List(kind, versionId)) store.Delete(kind, doc.Str("id"));
        store.Delete(Kinds.DatasetVersion, versionId);
    }
}
