using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain;

/// <summary>
/// Shares (docs/wire-contract.md, "Semantics"): a share is made to the user registered with an
/// e-mail address at that moment and is bound to that user's id, so whoever registers the address
/// later (a new user, or a new account after the first was deleted) never receives it. An address
/// nobody has registered is refused: this server sends no invitations.
/// </summary>
public static class Shares
{
    /// <summary>The user the share is bound to: stored with the share, never sent.</summary>
    private const string SharedWithUser = "_shared_with_user_id";

    /// <summary>Shares <paramref name="entityId"/> with the user registered as <paramref name="email"/>; sharing twice answers the first share.</summary>
    public static JsonObject Create(Store store, Caller caller, string entityType, string entityId, string email, JsonObject body)
    {
        if (!email.Contains('@')) throw DomainException.Invalid("Send the e-mail address to share with as JSON {\"email\": \"someone@example.com\"}.");
        if (string.Equals(email, caller.Email, StringComparison.OrdinalIgnoreCase)) throw DomainException.Invalid("You cannot share with yourself.");
        var user = store.FindUserByEmail(email)
                   ?? throw DomainException.NotFound($"No user has registered the e-mail address '{email}' on this server. Ask them to register first, then share again.");
        var userId = user.Str("id");

        var share = store.List(Kinds.Share, entityId).FirstOrDefault(s => s.Str(SharedWithUser) == userId);
        if (share is not null) return ToReply(share);
        share = Entities.ApplyClientFields(Entities.Create(Kinds.Share), body, "entity_type", "entity_id", SharedWithUser);
        share["email"] = email;
        share["entity_type"] = entityType;
        share["entity_id"] = entityId;
        share[SharedWithUser] = userId;
        store.Put(Kinds.Share, share, entityId);
        return ToReply(share);
    }

    /// <summary>
    /// Whether the caller holds a share of the entity. A share from before shares were bound
    /// (no user id) counts only for an account that already existed when it was made.
    /// </summary>
    public static bool IsSharedWith(Store store, Caller caller, string entityId)
    {
        var shares = store.List(Kinds.Share, entityId);
        if (shares.Any(s => s.Str(SharedWithUser) == caller.Id)) return true;
        var unbound = shares.Where(s => s.Str(SharedWithUser).Length == 0
                                        && string.Equals(s.Str("email"), caller.Email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unbound.Count == 0) return false;
        var registered = store.Get(Kinds.User, caller.Id)?.Str("created_at") ?? "";
        return unbound.Any(s => string.CompareOrdinal(registered, s.Str("created_at")) <= 0);
    }

    /// <summary>The Share object of the API: without the bound user id.</summary>
    public static JsonObject ToReply(JsonObject share)
    {
        var reply = (JsonObject)share.DeepClone();
        reply.Remove(SharedWithUser);
        return reply;
    }
}
