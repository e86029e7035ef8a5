using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models/{modelId}/versions CRUD, upload and asset downloads. Readers of the model may read its versions;
/// only its owner changes them. The rules are in <see cref="ModelChanges"/> and <see cref="ModelFiles"/>.
/// </summary>
public static class ModelVersionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var versions = api.MapGroup("models/{modelId}/versions");
        versions.MapGet("", ([AsParameters] ModelRequest r) => Reply.List(r.Store.List(Kinds.ModelVersion, r.ForReading().Str("id"))));
        versions.MapPost("", Create);
        var version = versions.MapGroup("{modelVersionId}");
        version.MapGet("", ([AsParameters] ModelVersionRequest r) => Reply.Json(r.VersionForReading()));
        version.MapPut("", Update);
        version.MapDelete("", Delete);
        version.MapPost("upload", Upload);
        version.MapGet("download/{asset}", ([AsParameters] ModelVersionAssetRequest r) =>
            Reply.File(ModelFiles.Asset(r.Files, r.VersionForReading(), r.Asset)));
    }

    private static async Task<IResult> Create([AsParameters] ModelRequest r)
    {
        var model = r.ForWriting();
        return Reply.Json(ModelChanges.CreateVersion(r.Store, model, await r.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static async Task<IResult> Update([AsParameters] ModelVersionRequest r)
    {
        var version = r.VersionForWriting();
        return Reply.Json(ModelChanges.UpdateVersion(r.Store, r.Files, version, await r.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static IResult Delete([AsParameters] ModelVersionRequest r)
    {
        var model = r.ForWriting();
        var version = r.VersionOf(model);
        ModelChanges.DeleteVersion(r.Store, r.Files, r.Engine, model, version);
        return Reply.Json(version);
    }

    private static async Task<IResult> Upload([AsParameters] ModelVersionRequest r)
    {
        var version = r.VersionForWriting();
        using var upload = await r.Request.ReadNonEmptyUploadAsync(r.Files);
        return Reply.Json(ModelFiles.StoreModelFile(r.Store, r.Files, r.Engine, version, upload));
    }
}
