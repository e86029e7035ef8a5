using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>models CRUD, models/{id}/upload (model file or logo), models/{id}/download/... The rules are in <see cref="ModelChanges"/> and <see cref="ModelFiles"/>.</summary>
public static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var models = api.MapGroup("models");
        models.MapGet("", List);
        models.MapPost("", Create);
        models.MapGet("{id}", (HttpContext context, string id, Store store) =>
            Reply.Json(Access.Visible(store, context.Caller(), Kinds.Model, id)));
        models.MapPut("{id}", Update);
        models.MapDelete("{id}", Delete);
        models.MapPost("{id}/upload", Upload);
        models.MapGet("{id}/download/logo", (HttpContext context, string id, Store store, FileStore files) =>
            Reply.File(ModelFiles.Logo(files, Access.Visible(store, context.Caller(), Kinds.Model, id))));
        models.MapGet("{id}/download/{asset}", (HttpContext context, string id, string asset, Store store, FileStore files) =>
            Reply.File(ModelFiles.Asset(files, ModelRecords.ActiveVersion(store, Access.Visible(store, context.Caller(), Kinds.Model, id)), asset)));
    }

    private static IResult List(HttpContext context, Store store)
    {
        var caller = context.Caller();
        return Reply.List(store.List(Kinds.Model).Where(m => Access.CanSee(store, caller, m)).Select(m => Access.AsSeenBy(store, caller, m)));
    }

    private static async Task<IResult> Create(HttpContext context, Store store) =>
        Reply.Json(ModelChanges.Create(store, context.Caller().Id, await context.Request.ReadEntityAsync(Kinds.Model)));

    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, id);
        return Reply.Json(ModelChanges.Update(store, model, await context.Request.ReadEntityAsync(Kinds.Model)));
    }

    private static IResult Delete(HttpContext context, string id, Store store, FileStore files, IInferenceEngine engine)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, id);
        ModelChanges.Delete(store, files, engine, model);
        return Reply.Json(model);
    }

    // One URL for both uploads: an image is the logo (reply: Model), anything else a model file
    // for the active version (reply: ModelVersion).
    private static async Task<IResult> Upload(HttpContext context, string id, Store store, FileStore files, IInferenceEngine engine)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, id);
        using var upload = await context.Request.ReadNonEmptyFileAsync(files);
        return Reply.Json(ModelAssets.IsLogo(upload)
            ? ModelFiles.StoreLogo(store, files, model, upload)
            : ModelFiles.StoreModelFile(store, files, engine, ModelRecords.ActiveVersion(store, model), upload));
    }
}
