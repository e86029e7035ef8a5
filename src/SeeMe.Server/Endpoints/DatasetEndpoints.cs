using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>datasets: list, create (with its first version), get, update, delete (cascading), logo upload and download.</summary>
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
        var dataset = DatasetDocs.CreateDataset(store, files, caller.Id, await context.Request.ReadJsonObjectAsync());
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
        DatasetDocs.UpdateDataset(store, dataset, await context.Request.ReadJsonObjectAsync());
        return Reply.Json(DatasetReplies.Dataset(store, caller, dataset));
    }

    private static IResult Delete(HttpContext context, string ds, Store store, FileStore files)
    {
        var caller = context.Caller();
        var dataset = Access.Owned(store, caller, Kinds.Dataset, ds);
        var reply = DatasetReplies.Dataset(store, caller, dataset);
        var cascade = new Cascade(store, files);
        store.InTransaction(() => cascade.Dataset(dataset));
        cascade.Cleanup();
        return Reply.Json(reply);
    }

    // The logo is stored as files/datasets/{ds}/logo.{ext}; `logo` holds the bare name "logo.{ext}".
    private static async Task<IResult> UploadLogo(HttpContext context, string ds, Store store, FileStore files)
    {
        var caller = context.Caller();
        var dataset = Access.Owned(store, caller, Kinds.Dataset, ds);
        using var upload = await context.Request.ReadSingleFileAsync(files);
        var logo = "logo." + Thumbnails.RequireImage(upload.TempPath, "The logo");
        var previous = dataset.Str("logo");
        files.Commit(upload.TempPath, ItemFiles.Logo(files, ds, logo));
        dataset["logo"] = logo;
        dataset["has_logo"] = true;
        DatasetDocs.SaveDataset(store, Entities.Touch(dataset));
        if (previous.Length > 0 && previous != logo) files.Delete(ItemFiles.Logo(files, ds, previous));
        return Reply.Json(DatasetReplies.Dataset(store, caller, dataset));
    }

    private static IResult DownloadLogo(HttpContext context, string ds, Store store, FileStore files)
    {
        var dataset = Access.Visible(store, context.Caller(), Kinds.Dataset, ds);
        var logo = dataset.Str("logo");
        var path = logo.Length > 0 && dataset.Bool("has_logo") ? ItemFiles.Logo(files, ds, logo) : null;
        if (path is null || !File.Exists(path)) throw new ApiException(404, $"Dataset '{ds}' has no logo.");
        return Results.File(path, Thumbnails.ContentType(Path.GetExtension(logo).TrimStart('.')), logo);
    }
}
