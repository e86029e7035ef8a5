using System.Text.Json.Nodes;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Where a dataset's files live: files/datasets/{ds}/logo.{ext}, and per version
/// files/datasets/{ds}/{dv}/{item}.{ext} with the thumbnail {item}.thumb.jpg beside it.
/// </summary>
public static class ItemFiles
{
    public static string DatasetFolder(FileStore files, string datasetId) => files.PathFor("datasets", datasetId);

    public static string VersionFolder(FileStore files, string datasetId, string versionId) => files.PathFor("datasets", datasetId, versionId);

    public static string Logo(FileStore files, string datasetId, string logoName) => files.PathFor("datasets", datasetId, logoName);

    public static string Image(VersionScope scope, JsonObject item) => Image(scope.Files, scope.DatasetId, scope.DatasetVersionId, item.Str("id"), item.Str("extension"));

    public static string Image(FileStore files, string datasetId, string versionId, string itemId, string extension) =>
        files.PathFor("datasets", datasetId, versionId, itemId + "." + extension);

    public static string Thumbnail(FileStore files, string datasetId, string versionId, string itemId) =>
        files.PathFor("datasets", datasetId, versionId, itemId + ".thumb." + Thumbnails.Extension);

    /// <summary>True when the item has an uploaded image on disk.</summary>
    public static bool HasImage(VersionScope scope, JsonObject item) =>
        item.Str("extension").Length > 0 && File.Exists(Image(scope, item));

    /// <summary>
    /// The item's thumbnail, made now when missing (items imported from a zip get theirs on first
    /// request); 404 when the image no longer decodes.
    /// </summary>
    public static string EnsureThumbnail(VersionScope scope, JsonObject item)
    {
        var path = Thumbnail(scope.Files, scope.DatasetId, scope.DatasetVersionId, item.Str("id"));
        if (File.Exists(path)) return path;
        var temp = scope.Files.NewTempPath();
        try
        {
            if (!Thumbnails.TryWrite(Image(scope, item), temp)) throw DomainException.NotFound($"Item '{item.Str("id")}' has no thumbnail: its image does not decode.");
            scope.Files.Commit(temp, path);
            return path;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Deletes an item's image and thumbnail (call after the deleting transaction committed).</summary>
    public static void Delete(FileStore files, string datasetId, string versionId, JsonObject item)
    {
        if (item.Str("extension").Length > 0) files.Delete(Image(files, datasetId, versionId, item.Str("id"), item.Str("extension")));
        files.Delete(Thumbnail(files, datasetId, versionId, item.Str("id")));
    }
}
