using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain;

/// <summary>
/// Who may see and change a model or dataset (docs/wire-contract.md, "Semantics"): the owner sees and changes;
/// others see it when it is public or shared with them (<see cref="Shares"/>); anything not visible is a 404.
/// </summary>
public static class Access
{
    /// <summary>The document, as the caller sees it (with <c>shared_with_me</c>), or 404.</summary>
    public static JsonObject Visible(Store store, Caller caller, string kind, string id)
    {
        var doc = store.Get(kind, id);
        if (doc is null || !CanSee(store, caller, doc)) throw DomainException.NotFound(Describe(kind), id);
        return AsSeenBy(store, caller, doc);
    }

    /// <summary>The document when the caller owns it; 404 when not visible, 403 when visible but not theirs.</summary>
    public static JsonObject Owned(Store store, Caller caller, string kind, string id)
    {
        var doc = Visible(store, caller, kind, id);
        if (doc.Str("user_id") != caller.Id)
            throw DomainException.NotAllowed($"This {Describe(kind)} belongs to another user; only its owner may change it.");
        return doc;
    }

    public static bool CanSee(Store store, Caller caller, JsonObject doc) =>
        doc.Str("user_id") == caller.Id || doc.Bool("public") || IsSharedWith(store, caller, doc.Str("id"));

    /// <summary>Sets <c>shared_with_me</c> for this caller (it is per caller, never stored).</summary>
    public static JsonObject AsSeenBy(Store store, Caller caller, JsonObject doc)
    {
        doc["shared_with_me"] = doc.Str("user_id") != caller.Id && IsSharedWith(store, caller, doc.Str("id"));
        return doc;
    }

    private static bool IsSharedWith(Store store, Caller caller, string entityId) => Shares.IsSharedWith(store, caller, entityId);

    private static string Describe(string kind) => kind switch
    {
        Kinds.Model => "Model",
        Kinds.Dataset => "Dataset",
        _ => kind.Replace('_', ' '),
    };
}
