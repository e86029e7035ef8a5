using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>models/{mid}/versions CRUD, upload and asset downloads. Readers of the model may read its versions; only its owner changes them.</summary>
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
        var body = await context.Request.ReadEntityAsync(Kinds.ModelVersion);
        var version = store.InTransaction(() =>
        {
            var created = ModelRecords.NewVersion(store, model, body);
            store.Put(Kinds.ModelVersion, created, mid);
            return created;
        });
        return Reply.Json(version);
    }

    private static async Task<IResult> Update(HttpContext context, string mid, string vid, Store store, FileStore files)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, mid);
        var version = ModelRecords.VersionOf(store, model, vid);
        var body = await context.Request.ReadEntityAsync(Kinds.ModelVersion);
        var application = version.Str("application_id");
        Entities.ApplyClientFields(version, body, ModelRecords.VersionServerOwned);
        version["application_id"] = ModelRecords.CheckedApplicationId(store, version.Str("application_id"), application);
        ModelFiles.Refresh(store, files, version);
        ModelRecords.SaveVersion(store, version);
        return Reply.Json(version);
    }

    // The active version cannot go: the model would be left without one. The client switches
    // active_version_id first (PUT models/{id}) or deletes the whole model.
    private static IResult Delete(HttpContext context, string mid, string vid, Store store, FileStore files, IInferenceEngine engine)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, mid);
        var version = ModelRecords.VersionOf(store, model, vid);
        if (model.Str("active_version_id") == vid)
            throw ApiException.BadRequest(
                $"Version '{vid}' is the model's active version; make another version active (PUT models/{mid} with active_version_id) first, or delete the model.");
        store.InTransaction(() =>
        {
            foreach (var inference in store.List(Kinds.Inference, mid).Where(i => i.Str("model_version_id") == vid))
                store.Delete(Kinds.Inference, inference.Str("id"));
            store.Delete(Kinds.ModelVersion, vid);
        });
        files.Delete(ModelFiles.VersionFolder(files, version));
        engine.Invalidate(vid);
        return Reply.Json(version);
    }

    private static async Task<IResult> Upload(HttpContext context, string mid, string vid, Store store, FileStore files, IInferenceEngine engine)
    {
        var version = ModelRecords.VersionOf(store, Access.Owned(store, context.Caller(), Kinds.Model, mid), vid);
        using var upload = await context.Request.ReadNonEmptyFileAsync(files);
        return Reply.Json(ModelFiles.StoreModelFile(store, files, engine, version, upload));
    }
}
