using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{ds}/versions/{dv}/items: paged list with filters, create, get, update (annotations
/// reconciled), delete (also from one split), image upload (checked, thumbnailed) and download.
/// The rules are in <see cref="ItemChanges"/>, <see cref="ItemQuery"/> and <see cref="ItemImages"/>.
/// </summary>
public static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        var items = version.MapGroup("items");
        items.MapGet("", List);
        items.MapPost("", Create);
        items.MapGet("{id}", Get);
        items.MapPut("{id}", Update);
        items.MapDelete("{id}", Delete);
        items.MapPost("{id}/upload", UploadImage);
        items.MapGet("{id}/download", DownloadImage);
        version.MapDelete("splits/{splitId}/items/{id}", DeleteFromSplit);
    }

    // The SDK's paging and filter parameters; pageCount is the 0-based page index.
    private static IResult List([AsParameters] VersionRequest r)
    {
        var request = r.Request;
        var pageSize = request.QueryInt("pageSize", ItemQuery.DefaultPageSize, 1, ItemQuery.MaxPageSize);
        var pageIndex = request.QueryInt("pageCount", 0, 0, int.MaxValue);
        var filter = new ItemFilter(request.Query["splitId"].ToString(), request.Query["labelId"].ToString(), request.QueryBool("onlyUnlabelled"));
        return Reply.List(ItemQuery.Page(r.ForReading(), filter, pageIndex, pageSize));
    }

    private static async Task<IResult> Create([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(ItemReplies.One(scope, ItemChanges.Create(scope, await r.ReadBodyAsync())));
    }

    private static IResult Get([AsParameters] VersionRequest r, string id)
    {
        var scope = r.ForReading();
        return Reply.Json(ItemReplies.One(scope, scope.Item(id)));
    }

    private static async Task<IResult> Update([AsParameters] VersionRequest r, string id)
    {
        var scope = r.ForWriting();
        return Reply.Json(ItemReplies.One(scope, ItemChanges.Update(scope, id, await r.ReadBodyAsync())));
    }

    private static IResult Delete([AsParameters] VersionRequest r, string id) =>
        Reply.Json(ItemChanges.Delete(r.ForWriting(), id));

    // Takes the item out of that split; an item left in no split is deleted. Replies with the item as it was.
    private static IResult DeleteFromSplit([AsParameters] VersionRequest r, string splitId, string id) =>
        Reply.Json(ItemChanges.DeleteFromSplit(r.ForWriting(), splitId, id));

    private static async Task<IResult> UploadImage([AsParameters] VersionRequest r, string id)
    {
        var scope = r.ForWriting();
        scope.Item(id);
        using var upload = await r.Request.ReadUploadAsync(r.Files);
        return Reply.Json(ItemReplies.One(scope, ItemImages.Store(scope, id, upload)));
    }

    private static IResult DownloadImage([AsParameters] VersionRequest r, string id) =>
        Reply.File(ItemImages.Find(r.ForReading(), id, thumbnail: r.Request.QueryBool("thumbnail")));
}
