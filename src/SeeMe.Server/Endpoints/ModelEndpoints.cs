using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models CRUD, models/{modelId}/upload (model file or logo), models/{modelId}/download/... Every handler
/// under one model takes a <see cref="ModelRequest"/>; the rules are in <see cref="ModelChanges"/>
/// and <see cref="ModelFiles"/>.
/// </summary>
public static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var models = api.MapGroup("models");
        models.MapGet("", List);
        models.MapPost("", Create);
        var model = models.MapGroup("{modelId}");
        model.MapGet("", ([AsParameters] ModelRequest r) => Reply.Json(r.ForReading()));
        model.MapPut("", Update);
        model.MapDelete("", Delete);
        model.MapPost("upload", Upload);
        model.MapGet("download/logo", ([AsParameters] ModelRequest r) => Reply.File(ModelFiles.Logo(r.Files, r.ForReading())));
        model.MapGet("download/{asset}", ([AsParameters] ModelAssetRequest r) =>
            Reply.File(ModelFiles.Asset(r.Files, ModelRules.ActiveVersion(r.Store, r.ForReading()), r.Asset)));
    }

    private static IResult List([AsParameters] ApiRequest r)
    {
        var caller = r.Caller;
        return Reply.List(r.Store.List(Kinds.Model).Where(m => Access.CanSee(r.Store, caller, m)).Select(m => Access.AsSeenBy(r.Store, caller, m)));
    }

    private static async Task<IResult> Create([AsParameters] ApiRequest r) =>
        Reply.Json(ModelChanges.Create(r.Store, r.Caller.Id, await r.Request.ReadEntityAsync(Kinds.Model)));

    private static async Task<IResult> Update([AsParameters] ModelRequest r)
    {
        var model = r.ForWriting();
        return Reply.Json(ModelChanges.Update(r.Store, model, await r.ReadEntityAsync(Kinds.Model)));
    }

    private static IResult Delete([AsParameters] ModelRequest r)
    {
        var model = r.ForWriting();
        ModelChanges.Delete(r.Store, r.Files, r.Engine, model);
        return Reply.Json(model);
    }

    // One URL for both uploads: an image is the logo (reply: Model), anything else a model file
    // for the active version (reply: ModelVersion).
    private static async Task<IResult> Upload([AsParameters] ModelRequest r)
    {
        var model = r.ForWriting();
        using var upload = await r.Request.ReadNonEmptyUploadAsync(r.Files);
        return Reply.Json(ModelAssets.IsLogo(upload)
            ? ModelFiles.StoreLogo(r.Store, r.Files, model, upload)
            : ModelFiles.StoreModelFile(r.Store, r.Files, r.Engine, ModelRules.ActiveVersion(r.Store, model), upload));
    }
}
