using System.Text.Json.Nodes;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>An item's image: stored when uploaded (checked and thumbnailed first), found for a download.</summary>
public static class ItemImages
{
    /// <summary>Makes the upload the item's image (400 when it is not an image); returns the item.</summary>
    public static JsonObject Store(VersionScope scope, string itemId, UploadedFile upload)
    {
        var (files, ds, dv) = (scope.Files, scope.DatasetId, scope.DatasetVersionId);
        var thumbnail = files.NewTempPath();
        try
        {
            var extension = Thumbnails.CheckAndWrite(upload.TempPath, thumbnail);
            var (item, previous) = scope.Store.InTransaction(() =>
            {
                var current = scope.Item(itemId);
                var old = current.Str("extension");
                current["extension"] = extension;
                scope.Put(Kinds.Item, Entities.Touch(current));
                files.Place(upload.TempPath, ItemFiles.Image(files, ds, dv, itemId, extension));
                files.Place(thumbnail, ItemFiles.Thumbnail(files, ds, dv, itemId));
                return (current, old);
            });
            if (previous.Length > 0 && previous != extension) files.Delete(ItemFiles.Image(files, ds, dv, itemId, previous));
            return item;
        }
        finally
        {
            File.Delete(thumbnail);
        }
    }

    /// <summary>The item's image, or its thumbnail (made now when missing); 404 when it has none.</summary>
    public static StoredFile Find(VersionScope scope, string itemId, bool thumbnail)
    {
        var item = scope.Item(itemId);
        if (!ItemFiles.HasImage(scope, item)) throw DomainException.NotFound($"Item '{itemId}' has no image.");
        var extension = item.Str("extension");
        return thumbnail
            ? new StoredFile(ItemFiles.EnsureThumbnail(scope, item), Thumbnails.ContentType(Thumbnails.Extension), $"{itemId}.thumb.{Thumbnails.Extension}")
            : new StoredFile(ItemFiles.Image(scope, item), Thumbnails.ContentType(extension), $"{itemId}.{extension}");
    }
}
