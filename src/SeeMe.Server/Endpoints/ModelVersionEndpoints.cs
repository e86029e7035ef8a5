using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
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
        versions.MapGet("", (HttpContext context, string mid, Store store) =>
            Reply.List(store.List(Kinds.ModelVersion, Access.Visible(store, context.Caller(), Kinds.Model, mid).Str("id"))));
        versions.MapPost("", Create);
        versions.MapGet("{vid}", (HttpContext context, string mid, string vid, Store store) =>
            Reply.Json(ModelRecords.VersionOf(store, Access.Visible(store, context.Caller(), Kinds.Model, mid), vid)));
        versions.MapPut("{vid}", Update);
        versions.MapDelete("{vid}", Delete);
        versions.MapPost("{vid}/upload", Upload);
        versions.MapGet("{vid}/download/{asset}", (HttpContext context, string mid, string vid, string asset, Store store, FileStore files) =>
            Reply.File(ModelFiles.Asset(files, ModelRecords.VersionOf(store, Access.Visible(store, context.Caller(), Kinds.Model, mid), vid), asset)));
    }

    private static async Task<IResult> Create(HttpContext context, string mid, Store store)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, mid);
        return Reply.Json(ModelChanges.CreateVersion(store, model, await context.Request.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static async Task<IResult> Update(HttpContext context, string mid, string vid, Store store, FileStore files)
    {
        var version = ModelRecords.VersionOf(store, Access.Owned(store, context.Caller(), Kinds.Model, mid), vid);
        return Reply.Json(ModelChanges.UpdateVersion(store, files, version, await context.Request.ReadEntityAsync(Kinds.ModelVersion)));
    }

    private static IResult Delete(HttpContext context, string mid, string vid, Store store, FileStore files, IInferenceEngine engine)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, mid);
        var version = ModelRecords.VersionOf(store, model, vid);
        ModelChanges.DeleteVersion(store, files, engine, model, version);
        return Reply.Json(version);
    }

    private static async Task<IResult> Upload(HttpContext context, string mid, string vid, Store store, FileStore files, IInferenceEngine engine)
    {
        var version = ModelRecords.VersionOf(store, Access.Owned(store, context.Caller(), Kinds.Model, mid), vid);
        using var upload = await context.Request.ReadNonEmptyFileAsync(files);
        return Reply.Json(ModelFiles.StoreModelFile(store, files, engine, version, upload));
    }
}
