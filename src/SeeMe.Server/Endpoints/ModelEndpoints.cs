using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>models CRUD, models/{id}/upload (model file or logo), models/{id}/download/...</summary>
public static class ModelEndpoints
{
    /// <summary>Model fields only the server sets (active_version_id is checked separately on update).</summary>
    private static readonly string[] ServerOwned =
        [.. ModelAssets.Flags, "can_inference", "has_logo", "logo", "shared_with_me", "active_version_id"];

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

    private static async Task<IResult> Create(HttpContext context, Store store)
    {
        var body = await context.Request.ReadEntityAsync(Kinds.Model);
        var model = Entities.ApplyClientFields(Entities.Create(Kinds.Model), body, ServerOwned);
        model["user_id"] = context.Caller().Id;
        (model["application_id"], model["kind"]) = ApplicationCatalogue.Resolve(store, model.Str("application_id"), model.Str("kind"));
        store.InTransaction(() =>
        {
            var version = ModelRecords.NewVersion(store, model, null);
            store.Put(Kinds.ModelVersion, version, model.Str("id"));
            model["active_version_id"] = version.Str("id");
            ModelRecords.MirrorActive(model, version);
            store.Put(Kinds.Model, model);
        });
        return Reply.Json(model);
    }

    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, id);
        var body = await context.Request.ReadEntityAsync(Kinds.Model);
        var previousApplication = model.Str("application_id");
        Entities.ApplyClientFields(model, body, ServerOwned);
        if (model.Str("application_id") != previousApplication || body["kind"] is not null)
            (model["application_id"], model["kind"]) = ApplicationCatalogue.Resolve(store, model.Str("application_id"), model.Str("kind"));
        if (body.Str("active_version_id") is { Length: > 0 } active && active != model.Str("active_version_id"))
            SwitchActiveVersion(store, model, active);
        store.Put(Kinds.Model, Entities.Touch(model));
        return Reply.Json(model);
    }

    private static void SwitchActiveVersion(Store store, JsonObject model, string versionId)
    {
        var version = store.Get(Kinds.ModelVersion, versionId);
        if (version is null || version.Str("model_id") != model.Str("id"))
            throw ApiException.BadRequest($"active_version_id '{versionId}' is not a version of this model; GET models/{model.Str("id")}/versions lists them.");
        model["active_version_id"] = versionId;
        ModelRecords.MirrorActive(model, version);
    }

    private static IResult Delete(HttpContext context, string id, Store store, FileStore files, IInferenceEngine engine)
    {
        var model = Access.Owned(store, context.Caller(), Kinds.Model, id);
        var versions = store.InTransaction(() =>
        {
            var all = store.List(Kinds.ModelVersion, id);
            foreach (var version in all) store.Delete(Kinds.ModelVersion, version.Str("id"));
            foreach (var inference in store.List(Kinds.Inference, id)) store.Delete(Kinds.Inference, inference.Str("id"));
            foreach (var share in store.List(Kinds.Share, id)) store.Delete(Kinds.Share, share.Str("id"));
            store.Delete(Kinds.Model, id);
            return all;
        });
        files.Delete(ModelFiles.ModelFolder(files, id));
        foreach (var version in versions) engine.Invalidate(version.Str("id"));
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
