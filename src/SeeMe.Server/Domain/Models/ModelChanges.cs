using System.Text.Json.Nodes;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Models;

/// <summary>
/// Creating, updating and deleting models and model versions from a client's JSON: a model's
/// application and application type, its first version, switching the active version, and
/// deletes that take predictions, shares, files and cached sessions along.
/// </summary>
public static class ModelChanges
{
    /// <summary>Model fields only the server sets (active_version_id is checked separately on update).</summary>
    private static readonly string[] ServerOwned =
        [.. ModelAssets.Flags, "can_inference", "has_logo", "logo", "shared_with_me", "active_version_id"];

    /// <summary>A new model of <paramref name="ownerId"/> with its first version, active.</summary>
    public static JsonObject Create(Store store, string ownerId, JsonObject body)
    {
        var model = Entities.ApplyClientFields(Entities.Create(Kinds.Model), body, ServerOwned);
        model["user_id"] = ownerId;
        (model["application_id"], model["kind"]) = ApplicationCatalogue.Resolve(store, model.Str("application_id"), model.Str("kind"));
        store.InTransaction(() =>
        {
            var version = ModelRules.NewVersion(store, model, null);
            store.Put(Kinds.ModelVersion, version, model.Str("id"));
            model["active_version_id"] = version.Str("id");
            ModelRules.MirrorActive(model, version);
            store.Put(Kinds.Model, model);
        });
        return model;
    }

    /// <summary>Applies the client's fields; a new application or kind is resolved again, a new active_version_id switches.</summary>
    public static JsonObject Update(Store store, JsonObject model, JsonObject body)
    {
        var previousApplication = model.Str("application_id");
        Entities.ApplyClientFields(model, body, ServerOwned);
        if (model.Str("application_id") != previousApplication || body["kind"] is not null)
            (model["application_id"], model["kind"]) = ApplicationCatalogue.Resolve(store, model.Str("application_id"), model.Str("kind"));
        if (body.Str("active_version_id") is { Length: > 0 } active && active != model.Str("active_version_id"))
            SwitchActiveVersion(store, model, active);
        store.Put(Kinds.Model, Entities.Touch(model));
        return model;
    }

    /// <summary>Deletes the model with its versions, predictions, shares and files.</summary>
    public static void Delete(Store store, FileStore files, IInferenceEngine engine, JsonObject model)
    {
        var id = model.Str("id");
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
    }

    /// <summary>A new version of the model from the client's fields (saved).</summary>
    public static JsonObject CreateVersion(Store store, JsonObject model, JsonObject body) => store.InTransaction(() =>
    {
        var created = ModelRules.NewVersion(store, model, body);
        store.Put(Kinds.ModelVersion, created, model.Str("id"));
        return created;
    });

    /// <summary>Applies the client's fields to a version; its flags follow its files, and the model mirrors it when active.</summary>
    public static JsonObject UpdateVersion(Store store, FileStore files, JsonObject version, JsonObject body)
    {
        var application = version.Str("application_id");
        Entities.ApplyClientFields(version, body, ModelRules.VersionServerOwned);
        version["application_id"] = ModelRules.CheckedApplicationId(store, version.Str("application_id"), application);
        ModelFiles.Refresh(store, files, version);
        ModelRules.SaveVersion(store, version);
        return version;
    }

    /// <summary>
    /// Deletes a version with its predictions and files. The active version cannot go: the model
    /// would be left without one, so the client switches active_version_id first or deletes the model.
    /// </summary>
    public static void DeleteVersion(Store store, FileStore files, IInferenceEngine engine, JsonObject model, JsonObject version)
    {
        var (modelId, versionId) = (model.Str("id"), version.Str("id"));
        if (model.Str("active_version_id") == versionId)
            throw DomainException.Invalid(
                $"Version '{versionId}' is the model's active version; make another version active (PUT models/{modelId} with active_version_id) first, or delete the model.");
        store.InTransaction(() =>
        {
            foreach (var inference in store.List(Kinds.Inference, modelId).Where(i => i.Str("model_version_id") == versionId))
                store.Delete(Kinds.Inference, inference.Str("id"));
            store.Delete(Kinds.ModelVersion, versionId);
        });
        files.Delete(ModelFiles.VersionFolder(files, version));
        engine.Invalidate(versionId);
    }

    private static void SwitchActiveVersion(Store store, JsonObject model, string versionId)
    {
        var version = store.Get(Kinds.ModelVersion, versionId);
        if (version is null || version.Str("model_id") != model.Str("id"))
            throw DomainException.Invalid($"active_version_id '{versionId}' is not a version of this model; GET models/{model.Str("id")}/versions lists them.");
        model["active_version_id"] = versionId;
        ModelRules.MirrorActive(model, version);
    }
}
