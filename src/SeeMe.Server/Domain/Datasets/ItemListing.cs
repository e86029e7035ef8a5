using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// The items list, one page at a time: <c>pageSize</c> (<see cref="PageSizes"/>), <c>pageCount</c> (0-based page index),
/// filters <c>splitId</c>, <c>labelId</c>, <c>onlyUnlabelled</c> (items without any annotation);
/// given as an <see cref="ItemFilter"/>; in creation order, so pages are stable. Paged and filtered in SQL
/// (<see cref="Store.PageItems"/>).
/// </summary>
public static class ItemListing
{
    /// <summary>The replies of one page; 404 when the filter names a split or label not in this version.</summary>
    public static List<JsonObject> Page(VersionScope scope, ItemFilter filter, int pageIndex, int pageSize)
    {
        if (filter.SplitId.Length > 0) scope.Split(filter.SplitId);
        if (filter.LabelId.Length > 0) scope.Label(filter.LabelId);
        var items = scope.Store.PageItems(scope.DatasetVersionId, filter, (long)pageIndex * pageSize, pageSize);
        return ItemReplies.For(scope, items);
    }
}
