using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/items: paged list with filters, create, get, update (annotations
/// reconciled), delete (also from one split), image upload (checked, thumbnailed) and download.
/// The rules are in <see cref="ItemChanges"/>, <see cref="ItemListing"/> and <see cref="ItemImages"/>.
/// </summary>
public static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        var items = version.MapGroup("items");
        items.MapGet("", List);
        items.MapPost("", Create);
        var item = items.MapGroup("{itemId}");
        item.MapGet("", Get);
        item.MapPut("", Update);
        item.MapDelete("", Delete);
        item.MapPost("upload", UploadImage);
        item.MapGet("download", DownloadImage);
        version.MapDelete("splits/{splitId}/items/{itemId}", DeleteFromSplit);
    }

    private static IResult List([AsParameters] ItemListRequest r)
    {
        var (pageSize, pageIndex, filter) = (r.PageSize, r.PageIndex, r.Filter); // read in this order: a 400 names the first bad value
        return Reply.List(ItemListing.Page(r.ForReading(), filter, pageIndex, pageSize));
    }

    private static async Task<IResult> Create([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(ItemReplies.One(scope, ItemChanges.Create(scope, await r.ReadBodyAsync())));
    }

    private static IResult Get([AsParameters] ItemRequest r)
    {
        var scope = r.ForReading();
        return Reply.Json(ItemReplies.One(scope, scope.Item(r.ItemId)));
    }

    private static async Task<IResult> Update([AsParameters] ItemRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(ItemReplies.One(scope, ItemChanges.Update(scope, r.ItemId, await r.ReadBodyAsync())));
    }

    private static IResult Delete([AsParameters] ItemRequest r) =>
        Reply.Json(ItemChanges.Delete(r.ForWriting(), r.ItemId));

    // Takes the item out of that split; an item left in no split is deleted. Replies with the item as it was.
    private static IResult DeleteFromSplit([AsParameters] SplitItemRequest r) =>
        Reply.Json(ItemChanges.DeleteFromSplit(r.ForWriting(), r.SplitId, r.ItemId));

    private static async Task<IResult> UploadImage([AsParameters] ItemRequest r)
    {
        var scope = r.ForWriting();
        scope.Item(r.ItemId);
        using var upload = await r.Request.ReadUploadAsync(r.Files);
        return Reply.Json(ItemReplies.One(scope, ItemImages.Store(scope, r.ItemId, upload)));
    }

    private static IResult DownloadImage([AsParameters] ItemRequest r) =>
        Reply.File(ItemImages.Find(r.ForReading(), r.ItemId, r.Thumbnail));
}

/// <summary>
/// The SDK's paging and filter parameters of GET items; pageCount is the 0-based page index.
/// </summary>
public sealed class ItemListRequest : VersionRequest
{
    [FromQuery(Name = "pageSize")] public string? PageSizeText { get; init; }
    [FromQuery(Name = "pageCount")] public string? PageCountText { get; init; }
    [FromQuery] public string? SplitId { get; init; }
    [FromQuery] public string? LabelId { get; init; }
    [FromQuery] public string? OnlyUnlabelled { get; init; }

    public int PageSize => QueryValue.Int("pageSize", PageSizeText, PageSizes.ItemsDefault, 1, PageSizes.Max);
    public int PageIndex => QueryValue.Int("pageCount", PageCountText, 0, 0, int.MaxValue);
    public ItemFilter Filter => new(SplitId ?? "", LabelId ?? "", QueryValue.Bool("onlyUnlabelled", OnlyUnlabelled));
}

/// <summary>What every handler under items/{itemId} takes; <c>?thumbnail</c> is read by the image download only.</summary>
public class ItemRequest : VersionRequest
{
    [FromRoute] public string ItemId { get; init; } = "";
    [FromQuery(Name = "thumbnail")] public string? ThumbnailText { get; init; }

    /// <summary><c>?thumbnail=true</c> asks the image download for the thumbnail.</summary>
    public bool Thumbnail => QueryValue.Bool("thumbnail", ThumbnailText);
}

/// <summary>What DELETE splits/{splitId}/items/{itemId} takes.</summary>
public sealed class SplitItemRequest : ItemRequest
{
    [FromRoute] public string SplitId { get; init; } = "";
}
