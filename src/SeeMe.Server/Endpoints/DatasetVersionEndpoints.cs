using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;
using SeeMe.Server.Zip;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions: CRUD, duplicate (…/new), export (…/download[/{splitId}]?format=) and
/// import (…/upload[/{format}]) of a version as a zip. The rules are in <see cref="DatasetChanges"/>,
/// <see cref="VersionCopier"/> and <see cref="DatasetZip"/>.
/// </summary>
public static class DatasetVersionEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder version)
    {
        var versions = api.MapGroup("datasets/{datasetId}/versions");
        versions.MapGet("", List);
        versions.MapPost("", Create);
        version.MapGet("", Get);
        version.MapPut("", Update);
        version.MapDelete("", Delete);
        version.MapPost("new", Duplicate);
        version.MapGet("download", ([AsParameters] ExportRequest r) => Export(r, null));
        version.MapGet("download/{splitId}", ([AsParameters] SplitExportRequest r) => Export(r, r.SplitId));
        version.MapPost("upload", ([AsParameters] ImportRequest r) => Import(r, null));
        version.MapPost("upload/{format}", ([AsParameters] FormatImportRequest r) => Import(r, r.Format));
    }

    private static IResult List([AsParameters] DatasetRequest r)
    {
        var dataset = r.ForReading();
        return Reply.List(r.Store.List(Kinds.DatasetVersion, dataset.Str("id")).Select(v => DatasetReplies.Version(r.Store, v)));
    }

    private static async Task<IResult> Create([AsParameters] DatasetRequest r)
    {
        var dataset = r.ForWriting();
        var version = DatasetChanges.CreateVersion(r.Store, dataset, await r.Request.ReadJsonBodyAsync());
        return Reply.Json(DatasetReplies.Version(r.Store, version));
    }

    private static IResult Get([AsParameters] VersionRequest r) =>
        Reply.Json(DatasetReplies.Version(r.Store, r.ForReading().Version));

    private static async Task<IResult> Update([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(DatasetReplies.Version(r.Store, DatasetChanges.UpdateVersion(scope, await r.ReadBodyAsync())));
    }

    private static IResult Delete([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        var reply = DatasetReplies.Version(r.Store, scope.Version);
        DatasetChanges.DeleteVersion(scope);
        return Reply.Json(reply);
    }

    // The source needs to be visible; the target dataset (body dataset_id, default: this one) owned.
    private static async Task<IResult> Duplicate([AsParameters] VersionRequest r)
    {
        var source = r.ForReading();
        var targetId = DatasetWire.BodyString(await r.ReadBodyAsync(), "dataset_id");
        var target = Access.Owned(r.Store, r.Caller, Kinds.Dataset, targetId.Length > 0 ? targetId : r.DatasetId);
        return Reply.Json(DatasetReplies.Version(r.Store, new VersionCopier(source, target).Copy()));
    }

    private static IResult Export(ExportRequest r, string? splitId)
    {
        var zip = DatasetZip.Export(r.ForReading(), splitId, r.Format ?? "");
        var name = splitId is null ? $"{r.DatasetVersionId}.zip" : $"{r.DatasetVersionId}_{splitId}.zip";
        return Results.File(zip, "application/zip", name);
    }

    private static async Task<IResult> Import(ImportRequest r, string? format)
    {
        var scope = r.ForWriting();
        if (format is not null) DatasetZip.Find(format);
        using (var upload = await r.Request.ReadUploadAsync(r.Files))
            DatasetZip.Import(scope, upload.TempPath, format, r.Limits);
        return Reply.Json(DatasetReplies.Version(r.Store, r.Store.Get(Kinds.DatasetVersion, r.DatasetVersionId)!));
    }
}

/// <summary>What GET …/download takes: the version's request and <c>?format=</c> (the layout; empty for the default).</summary>
public class ExportRequest : VersionRequest
{
    [FromQuery] public string? Format { get; init; }
}

/// <summary>What GET …/download/{splitId} takes.</summary>
public sealed class SplitExportRequest : ExportRequest
{
    [FromRoute] public string SplitId { get; init; } = "";
}

/// <summary>What POST …/upload takes: the version's request and the server's zip limits.</summary>
public class ImportRequest : VersionRequest
{
    [FromServices] public ZipLimits Limits { get; init; } = null!;
}

/// <summary>What POST …/upload/{format} takes (the layout named in the route).</summary>
public sealed class FormatImportRequest : ImportRequest
{
    [FromRoute] public string Format { get; init; } = "";
}
