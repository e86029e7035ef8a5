using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// The items list: <c>pageSize</c> (default 10, 1..1000), <c>pageCount</c> (0-based page index),
/// filters <c>splitId</c>, <c>labelId</c>, <c>onlyUnlabelled</c> (items without any annotation);
/// in creation order, so pages are stable.
/// </summary>
public static class ItemQuery
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 1000;

    /// <summary>Which page of which items: "" for no split or label filter.</summary>
    public sealed record Filter(int PageSize, int PageIndex, string SplitId, string LabelId, bool OnlyUnlabelled);

    public static IEnumerable<JsonObject> Page(VersionScope scope, Filter filter)
    {
        var (pageSize, pageIndex, splitId, labelId, onlyUnlabelled) = filter;
        if (splitId.Length > 0) scope.Split(splitId);
        if (labelId.Length > 0) scope.Label(labelId);

        var items = scope.Store.PageItems(scope.VersionId, new ItemFilter(splitId, labelId, onlyUnlabelled), (long)pageIndex * pageSize, pageSize);
        return ItemReplies.For(scope, items);
    }
}
