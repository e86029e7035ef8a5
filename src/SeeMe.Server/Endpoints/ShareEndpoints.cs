using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models/{id}/share and datasets/{id}/share: the owner shares with an e-mail address; a model's
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
            Reply.List(store.List(Kinds.Share, Access.Owned(store, context.Caller(), Kinds.Model, id).Str("id"))));
        api.MapDelete("models/{id}/share/{shareId}", (HttpContext context, string id, string shareId, Store store) => Delete(context, id, shareId, store, Kinds.Model));
        api.MapPost("datasets/{id}/share", (HttpContext context, string id, Store store) => Create(context, id, store, "datasets", Kinds.Dataset));
    }

    private static async Task<IResult> Create(HttpContext context, string id, Store store, string entityType, string kind)
    {
        var caller = context.Caller();
        Access.Owned(store, caller, kind, id);
        var body = await context.Request.ReadEntityAsync(Kinds.Share);
        var email = body.Str("email").Trim();
        if (!email.Contains('@')) throw ApiException.BadRequest("Send the e-mail address to share with as JSON {\"email\": \"someone@example.com\"}.");
        if (string.Equals(email, caller.Email, StringComparison.OrdinalIgnoreCase)) throw ApiException.BadRequest("You cannot share with yourself.");
        if (body.Str("entity_type") is { Length: > 0 } sentType && sentType is not ("models" or "datasets"))
            throw ApiException.BadRequest($"'entity_type' must be models or datasets, not '{sentType}'.");

        // Sharing twice with the same address answers the existing share.
        var share = store.List(Kinds.Share, id).FirstOrDefault(s => string.Equals(s.Str("email"), email, StringComparison.OrdinalIgnoreCase));
        if (share is not null) return Reply.Json(share);
        share = Entities.ApplyClientFields(Entities.Create(Kinds.Share), body, "entity_type", "entity_id");
        share["email"] = email;
        share["entity_type"] = entityType;
        share["entity_id"] = id;
        store.Put(Kinds.Share, share, id);
        return Reply.Json(share);
    }

    private static IResult Delete(HttpContext context, string id, string shareId, Store store, string kind)
    {
        Access.Owned(store, context.Caller(), kind, id);
        var share = store.Get(Kinds.Share, shareId);
        if (share is null || share.Str("entity_id") != id) throw ApiException.NotFound("Share", shareId);
        store.Delete(Kinds.Share, shareId);
        return Reply.Json(share);
    }
}
