using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets: list, create (with its first version), get, update, delete (cascading), logo upload and
/// download. The rules are in <see cref="DatasetChanges"/>.
/// </summary>
public static class DatasetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("datasets");
        datasets.MapGet("", List);
        datasets.MapPost("", Create);
        var dataset = datasets.MapGroup("{datasetId}");
        dataset.MapGet("", Get);
        dataset.MapPut("", Update);
        dataset.MapDelete("", Delete);
        dataset.MapPost("upload", UploadLogo);
        dataset.MapGet("logo", DownloadLogo);
    }

    // Own, public and shared datasets, in creation order.
    private static IResult List([AsParameters] ApiRequest r)
    {
        var caller = r.Caller;
        var visible = r.Store.List(Kinds.Dataset).Where(d => Access.CanSee(r.Store, caller, d));
        return Reply.List(visible.Select(d => DatasetReplies.Dataset(r.Store, caller, d)));
    }

    private static async Task<IResult> Create([AsParameters] ApiRequest r)
    {
        var dataset = DatasetChanges.CreateDataset(r.Store, r.Files, r.Caller.Id, await r.Request.ReadJsonBodyAsync());
        return Reply.Json(DatasetReplies.Dataset(r.Store, r.Caller, dataset));
    }

    private static IResult Get([AsParameters] DatasetRequest r) =>
        Reply.Json(DatasetReplies.Dataset(r.Store, r.Caller, r.ForReading()));

    private static async Task<IResult> Update([AsParameters] DatasetRequest r)
    {
        var dataset = r.ForWriting();
        DatasetChanges.UpdateDataset(r.Store, dataset, await r.Request.ReadJsonBodyAsync());
        return Reply.Json(DatasetReplies.Dataset(r.Store, r.Caller, dataset));
    }

    private static IResult Delete([AsParameters] DatasetRequest r)
    {
        var dataset = r.ForWriting();
        var reply = DatasetReplies.Dataset(r.Store, r.Caller, dataset);
        DatasetChanges.DeleteDataset(r.Store, r.Files, dataset);
        return Reply.Json(reply);
    }

    private static async Task<IResult> UploadLogo([AsParameters] DatasetRequest r)
    {
        var dataset = r.ForWriting();
        using var upload = await r.Request.ReadUploadAsync(r.Files);
        DatasetChanges.StoreLogo(r.Store, r.Files, dataset, upload);
        return Reply.Json(DatasetReplies.Dataset(r.Store, r.Caller, dataset));
    }

    private static IResult DownloadLogo([AsParameters] DatasetRequest r) =>
        Reply.File(DatasetChanges.Logo(r.Files, r.ForReading()));
}
