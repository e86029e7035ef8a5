using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// models/{modelId}/share and datasets/{datasetId}/share: the owner shares with a registered user's e-mail address (<see cref="Shares"/>); a model's
/// shares can also be listed and removed. Datasets have no list or delete route, as on the service
/// (the SDK only ever POSTs dataset shares), so nobody comes to rely on one. A share is stored
/// under the shared entity (parent id = entity id), where <see cref="Access"/> looks for it.
/// </summary>
public static class ShareEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("models/{modelId}/share", ([AsParameters] ModelRequest r) => Create(r, "models", r.ForWriting));
        api.MapGet("models/{modelId}/share", ([AsParameters] ModelRequest r) =>
            Reply.List(r.Store.List(Kinds.Share, r.ForWriting().Str("id")).Select(Shares.ToReply)));
        api.MapDelete("models/{modelId}/share/{shareId}", Delete);
        api.MapPost("datasets/{datasetId}/share", ([AsParameters] DatasetRequest r) => Create(r, "datasets", r.ForWriting));
    }

    private static async Task<IResult> Create(ApiRequest r, string entityType, Func<JsonObject> ownedEntity)
    {
        var id = ownedEntity().Str("id");
        var body = await r.Request.ReadEntityAsync(Kinds.Share);
        if (body.Str("entity_type") is { Length: > 0 } sentType && sentType is not ("models" or "datasets"))
            throw ApiException.BadRequest($"'entity_type' must be models or datasets, not '{sentType}'.");
        return Reply.Json(Shares.Create(r.Store, r.Caller, entityType, id, body.Str("email").Trim(), body));
    }

    private static IResult Delete([AsParameters] ModelShareRequest r)
    {
        r.ForWriting();
        var share = r.Store.Get(Kinds.Share, r.ShareId);
        if (share is null || share.Str("entity_id") != r.ModelId) throw ApiException.NotFound("Share", r.ShareId);
        r.Store.Delete(Kinds.Share, r.ShareId);
        return Reply.Json(Shares.ToReply(share));
    }
}

/// <summary>What DELETE models/{modelId}/share/{shareId} takes.</summary>
public sealed class ModelShareRequest : ModelRequest
{
    [FromRoute] public string ShareId { get; init; } = "";
}
