using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{ds}/versions/{dv}/items: paged list with filters, create, get, update (annotations
/// reconciled), delete (also from one split), image upload (checked, thumbnailed) and download.
/// </summary>
public static class ItemEndpoints
{
    private const string Items = "datasets/{ds}/versions/{dv}/items";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Items, List);
        api.MapPost(Items, Create);
        api.MapGet(Items + "/{id}", Get);
        api.MapPut(Items + "/{id}", Update);
        api.MapDelete(Items + "/{id}", Delete);
        api.MapDelete("datasets/{ds}/versions/{dv}/splits/{splitId}/items/{id}", DeleteFromSplit);
        api.MapPost(Items + "/{id}/upload", UploadImage);
        api.MapGet(Items + "/{id}/download", DownloadImage);
    }

    private static IResult List(HttpContext c, string ds, string dv, Store store, FileStore files) =>
        Reply.List(ItemQuery.Page(VersionScope.Read(c, store, files, ds, dv), c.Request));

    private static async Task<IResult> Create(HttpContext c, string ds, string dv, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var item = ItemChanges.Create(scope, await c.Request.ReadJsonObjectAsync());
        return Reply.Json(ItemReplies.One(scope, item));
    }

    private static IResult Get(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Read(c, store, files, ds, dv);
        return Reply.Json(ItemReplies.One(scope, scope.Item(id)));
    }

    private static async Task<IResult> Update(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var item = ItemChanges.Update(scope, id, await c.Request.ReadJsonObjectAsync());
        return Reply.Json(ItemReplies.One(scope, item));
    }

    private static IResult Delete(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var cascade = new Cascade(store, files);
        var reply = store.InTransaction(() =>
        {
            var item = scope.Item(id);
            var before = ItemReplies.One(scope, item);
            cascade.Item(scope, item);
            return before;
        });
        cascade.Cleanup();
        return Reply.Json(reply);
    }

    // Takes the item out of that split; an item left in no split is deleted. Replies with the item as it was.
    private static IResult DeleteFromSplit(HttpContext c, string ds, string dv, string splitId, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var cascade = new Cascade(store, files);
        var reply = store.InTransaction(() =>
        {
            scope.Split(splitId);
            var item = scope.Item(id);
            if (!ItemSplits.Of(item).Contains(splitId)) throw ApiException.NotFound($"Item '{id}' in split", splitId);
            var before = ItemReplies.One(scope, item);
            cascade.RemoveFromSplit(scope, item, splitId);
            return before;
        });
        cascade.Cleanup();
        return Reply.Json(reply);
    }

    private static async Task<IResult> UploadImage(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        scope.Item(id);
        using var upload = await c.Request.ReadSingleFileAsync(files);
        var thumbnail = files.NewTempPath();
        try
        {
            var extension = Thumbnails.CheckAndWrite(upload.TempPath, thumbnail);
            var (item, previous) = store.InTransaction(() =>
            {
                var current = scope.Item(id);
                var old = current.Str("extension");
                current["extension"] = extension;
                scope.Put(Kinds.Item, Entities.Touch(current));
                files.Commit(upload.TempPath, ItemFiles.Image(files, ds, dv, id, extension));
                files.Commit(thumbnail, ItemFiles.Thumbnail(files, ds, dv, id));
                return (current, old);
            });
            if (previous.Length > 0 && previous != extension) files.Delete(ItemFiles.Image(files, ds, dv, id, previous));
            return Reply.Json(ItemReplies.One(scope, item));
        }
        finally
        {
            File.Delete(thumbnail);
        }
    }

    private static IResult DownloadImage(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Read(c, store, files, ds, dv);
        var item = scope.Item(id);
        if (!ItemFiles.HasImage(scope, item)) throw new ApiException(404, $"Item '{id}' has no image.");
        if (!c.Request.QueryBool("thumbnail")) return Results.File(ItemFiles.Image(scope, item), Thumbnails.ContentType(item.Str("extension")), id + "." + item.Str("extension"));
        var path = ItemFiles.EnsureThumbnail(scope, item);
        return Results.File(path, Thumbnails.ContentType(Thumbnails.Extension), id + ".thumb." + Thumbnails.Extension);
    }
}
