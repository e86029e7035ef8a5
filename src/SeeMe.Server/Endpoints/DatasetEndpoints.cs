using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets: list, create (with its first version), get, update, delete (cascading), logo upload and
/// download. The rules are in <see cref="DatasetDocs"/>.
/// </summary>
public static class DatasetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("datasets");
        datasets.MapGet("", List);
        datasets.MapPost("", Create);
        datasets.MapGet("{ds}", Get);
        datasets.MapPut("{ds}", Update);
        datasets.MapDelete("{ds}", Delete);
        datasets.MapPost("{ds}/upload", UploadLogo);
        datasets.MapGet("{ds}/logo", DownloadLogo);
    }

    // Own, public and shared datasets, in creation order.
    private static IResult List(HttpContext context, Store store)
    {
        var caller = context.Caller();
        var visible = store.List(Kinds.Dataset).Where(d => Access.CanSee(store, caller, d));
        return Reply.List(visible.Select(d => DatasetReplies.Dataset(store, caller, d)));
    }

    private static async Task<IResult> Create(HttpContext context, Store store, FileStore files)
    {
        var caller = context.Caller();
        var dataset = DatasetDocs.CreateDataset(store, files, caller.Id, await context.Request.ReadJsonBodyAsync());
        return Reply.Json(DatasetReplies.Dataset(store, caller, dataset));
    }

    private static IResult Get(HttpContext context, string ds, Store store)
    {
        var caller = context.Caller();
        return Reply.Json(DatasetReplies.Dataset(store, caller, Access.Visible(store, caller, Kinds.Dataset, ds)));
    }

    private static async Task<IResult> Update(HttpContext context, string ds, Store store)
    {
        var caller = context.Caller();
        var dataset = Access.Owned(store, caller, Kinds.Dataset, ds);
        DatasetDocs.UpdateDataset(store, dataset, await context.Request.ReadJsonBodyAsync());
        return Reply.Json(DatasetReplies.Dataset(store, caller, dataset));
    }

    private static IResult Delete(HttpContext context, string ds, Store store, FileStore files)
    {
        var caller = context.Caller();
        var dataset = Access.Owned(store, caller, Kinds.Dataset, ds);
        var reply = DatasetReplies.Dataset(store, caller, dataset);
        DatasetDocs.DeleteDataset(store, files, dataset);
        return Reply.Json(reply);
    }

    private static async Task<IResult> UploadLogo(HttpContext context, string ds, Store store, FileStore files)
    {
        var caller = context.Caller();
        var dataset = Access.Owned(store, caller, Kinds.Dataset, ds);
        using var upload = await context.Request.ReadUploadAsync(files);
        DatasetDocs.StoreLogo(store, files, dataset, upload);
        return Reply.Json(DatasetReplies.Dataset(store, caller, dataset));
    }

    private static IResult DownloadLogo(HttpContext context, string ds, Store store, FileStore files) =>
        Reply.File(DatasetDocs.Logo(files, Access.Visible(store, context.Caller(), Kinds.Dataset, ds)));
}
