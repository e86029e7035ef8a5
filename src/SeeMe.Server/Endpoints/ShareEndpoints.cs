using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models/{id}/share and datasets/{id}/share: the owner shares with a registered user's e-mail address (<see cref="Shares"/>); a model's
/// shares can also be listed and removed. Datasets have no list or delete route, as on the service
/// (the SDK only ever POSTs dataset shares), so nobody comes to rely on one. A share is stored
/// under the shared entity (parent id = entity id), where <see cref="Access"/> looks for it.
/// </summary>
public static class ShareEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("models/{id}/share", (HttpContext context, string id, Store store) => Create(context, id, store, "models", Kinds.Model));
        api.MapGet("models/{id}/share", (HttpContext context, string id, Store store) =>
            Reply.List(store.List(Kinds.Share, Access.Owned(store, context.Caller(), Kinds.Model, id).Str("id")).Select(Shares.ToReply)));
        api.MapDelete("models/{id}/share/{shareId}", (HttpContext context, string id, string shareId, Store store) => Delete(context, id, shareId, store, Kinds.Model));
        api.MapPost("datasets/{id}/share", (HttpContext context, string id, Store store) => Create(context, id, store, "datasets", Kinds.Dataset));
    }

    private static async Task<IResult> Create(HttpContext context, string id, Store store, string entityType, string kind)
    {
        var caller = context.Caller();
        Access.Owned(store, caller, kind, id);
        var body = await context.Request.ReadEntityAsync(Kinds.Share);
        if (body.Str("entity_type") is { Length: > 0 } sentType && sentType is not ("models" or "datasets"))
            throw ApiException.BadRequest($"'entity_type' must be models or datasets, not '{sentType}'.");
        return Reply.Json(Shares.Create(store, caller, entityType, id, body.Str("email").Trim(), body));
    }

    private static IResult Delete(HttpContext context, string id, string shareId, Store store, string kind)
    {
        Access.Owned(store, context.Caller(), kind, id);
        var share = store.Get(Kinds.Share, shareId);
        if (share is null || share.Str("entity_id") != id) throw ApiException.NotFound("Share", shareId);
        store.Delete(Kinds.Share, shareId);
        return Reply.Json(Shares.ToReply(share));
    }
}
