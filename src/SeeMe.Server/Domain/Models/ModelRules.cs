using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Models;

/// <summary>
/// The rules of a model's versions that its changes and its endpoints share: finding a model's versions (404 when
/// not its own), numbering a new one, the fields only the server sets, and keeping a
/// model's has_* flags, can_inference and classes equal to those of its active version.
/// </summary>
public static class ModelRules
{
    /// <summary>What a model shows of its active version.</summary>
    private static readonly string[] Mirrored = [.. ModelAssets.Flags, "can_inference", "classes"];

    /// <summary>Version fields only the server sets.</summary>
    public static readonly string[] VersionServerOwned =
        [.. ModelAssets.Flags, "can_inference", "model_id", "version_number", "has_logo", "logo"];

    /// <summary>The version of that model, or 404.</summary>
    public static JsonObject VersionOf(Store store, JsonObject model, string versionId)
    {
        var version = store.Get(Kinds.ModelVersion, versionId);
        if (version is null || version.Str("model_id") != model.Str("id")) throw DomainException.NotFound("Model version", versionId);
        return version;
    }

    /// <summary>The model's active version, or 404 saying so.</summary>
    public static JsonObject ActiveVersion(Store store, JsonObject model)
    {
        var id = model.Str("active_version_id");
        return store.Get(Kinds.ModelVersion, id) is { } version && version.Str("model_id") == model.Str("id")
            ? version
            : throw DomainException.NotFound($"Model '{model.Str("id")}' has no active version; set active_version_id with PUT models/{{id}}.");
    }

    /// <summary>A new version of the model, numbered after the highest existing one (call inside a transaction).</summary>
    public static JsonObject NewVersion(Store store, JsonObject model, JsonObject? body)
    {
        var version = Entities.Create(Kinds.ModelVersion);
        if (body is not null) Entities.ApplyClientFields(version, body, VersionServerOwned);
        var number = store.List(Kinds.ModelVersion, model.Str("id")).Select(v => (int?)v["version_number"] ?? 0).DefaultIfEmpty(0).Max() + 1;
        version["model_id"] = model.Str("id");
        version["user_id"] = model.Str("user_id");
        version["version_number"] = number;
        if (version.Str("name").Length == 0) version["name"] = $"v{number}";
        if (version.Str("version").Length == 0) version["version"] = number.ToString();
        version["application_id"] = CheckedApplicationId(store, version.Str("application_id"), model.Str("application_id"));
        return version;
    }

    /// <summary>A version's application: the one given (which must exist), else the model's.</summary>
    public static string CheckedApplicationId(Store store, string given, string fallback)
    {
        if (given.Length == 0) return fallback;
        return ApplicationCatalogue.Find(store, given) is null
            ? throw DomainException.Invalid($"Application '{given}' does not exist; GET applications lists the valid ids.")
            : given;
    }

    public static void MirrorActive(JsonObject model, JsonObject version)
    {
        foreach (var key in Mirrored) model[key] = version[key]?.DeepClone();
    }

    /// <summary>Saves a changed version, and its model too when it is the active one.</summary>
    public static void SaveVersion(Store store, JsonObject version)
    {
        store.InTransaction(() =>
        {
            store.Put(Kinds.ModelVersion, Entities.Touch(version), version.Str("model_id"));
            if (store.Get(Kinds.Model, version.Str("model_id")) is { } model && model.Str("active_version_id") == version.Str("id"))
            {
                MirrorActive(model, version);
                model["shared_with_me"] = false;
                store.Put(Kinds.Model, Entities.Touch(model));
            }
        });
    }
}
