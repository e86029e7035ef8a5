using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models/{mid}/versions CRUD, upload and asset downloads. Readers of the model may read its versions;
/// only its owner changes them. The rules are in <see cref="ModelChanges"/> and <see cref="ModelFiles"/>.
/// </summary>
public static class ModelVersionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var versions = api.MapGroup("models/{mid}/versions");
        versions.MapGet("", ([AsParameters] ModelRequest r) => Reply.List(r.Store.List(Kinds.ModelVersion, r.ForReading().Str("id"))));
        versions.MapPost("", Create);
        versions.MapGet("{vid}", ([AsParameters] ModelRequest r, string vid) => Reply.Json(ModelRecords.VersionOf(r.Store, r.ForReading(), vid)));
        versions.MapPut("{vid}", Update);
        versions.MapDelete("{vid}", Delete);
        versions.MapPost("{vid}/upload", Upload);
        versions.MapGet("{vid}/download/{asset}", ([AsParameters] ModelRequest r, string vid, string asset) =>
            Reply.File(ModelFiles.Asset(r.Files, ModelRecords.VersionOf(r.Store, r.ForReading(), vid), asset)));
    }

    private static async Task<IResult> Create([AsParameters] ModelRequest r)
    {
        var model = r.ForWriting();
        return Reply.Json(ModelChanges.CreateVersion(r.Store, model, await r.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static async Task<IResult> Update([AsParameters] ModelRequest r, string vid)
    {
        var version = ModelRecords.VersionOf(r.Store, r.ForWriting(), vid);
        return Reply.Json(ModelChanges.UpdateVersion(r.Store, r.Files, version, await r.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static IResult Delete([AsParameters] ModelRequest r, string vid)
    {
        var model = r.ForWriting();
        var version = ModelRecords.VersionOf(r.Store, model, vid);
        ModelChanges.DeleteVersion(r.Store, r.Files, r.Engine, model, version);
        return Reply.Json(version);
    }

    private static async Task<IResult> Upload([AsParameters] ModelRequest r, string vid)
    {
        var version = ModelRecords.VersionOf(r.Store, r.ForWriting(), vid);
        using var upload = await r.Request.ReadNonEmptyUploadAsync(r.Files);
        return Reply.Json(ModelFiles.StoreModelFile(r.Store, r.Files, r.Engine, version, upload));
    }
}
