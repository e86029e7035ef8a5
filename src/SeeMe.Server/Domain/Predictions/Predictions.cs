using System.Text.Json.Nodes;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Predictions;

/// <summary>Which predictions of a model to list: a page (newest first) and the SDK's filters.</summary>
public sealed record PredictionFilter(string[] ModelVersionIds, bool IncludeAlreadyAdded, bool ShowHidden);

/// <summary>What a prediction runs: the model, the version asked for (else its active one) and that version's application type.</summary>
public sealed record PredictionTarget(JsonObject Model, JsonObject Version, string ApplicationType);

/// <summary>
/// Predictions (the wire's inferences): running one with the engine and keeping it (and its input,
/// unless the model is private), updating one, and a model's history. Anyone who can see a model
/// may predict with it; a prediction belongs to the user who made it.
/// </summary>
public static class Predictions
{
    /// <summary>Inference fields set by the prediction itself, never by a client's update.</summary>
    private static readonly string[] ServerOwned =
    [
        "name", "prediction", "confidence", "inference_items", "model_id", "model_version_id", "application_id", "extension",
        "inference_host", "inference_time", "end_to_end_time", "result", "privacy_enabled",
    ];

    /// <summary>The model's version <paramref name="modelVersionId"/>, or its active one when null, and what kind of input it takes.</summary>
    public static PredictionTarget Target(Store store, JsonObject model, string? modelVersionId)
    {
        var version = modelVersionId is null ? ModelRules.ActiveVersion(store, model) : ModelRules.VersionOf(store, model, modelVersionId);
        return new PredictionTarget(model, version, ApplicationCatalogue.TypeOf(store, model, version));
    }

    /// <summary>Runs the target's model on the input and stores the prediction; <paramref name="started"/> is when the request came in.</summary>
    public static JsonObject Run(Store store, FileStore files, IInferenceEngine engine, Caller caller, PredictionTarget target, PredictionInput input, long started)
    {
        var (model, version, applicationType) = target;
        var modelFile = ModelFiles.AssetPath(files, version, ModelAssets.Onnx) ?? ModelFiles.AssetPath(files, version, ModelAssets.OnnxInt8);
        var labels = ModelFiles.AssetPath(files, version, ModelAssets.Labels) ?? ModelFiles.AssetPath(files, version, ModelAssets.Names);
        var result = engine.Predict(new InferenceRequest(version.Str("id"), applicationType, modelFile, labels, version.Str("config"),
            Text: input.Text, StructuredJson: input.StructuredJson, ImagePath: input.TempPath));
        var inference = NewInference(caller, model, version, input, result, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        store.InTransaction(() =>
        {
            store.Put(Kinds.Inference, inference, model.Str("id"));
            if (!model.Bool("privacy_enabled") && input.TempPath is not null)
                files.Place(input.TempPath, InputPath(files, version, inference));
        });
        return inference;
    }

    /// <summary>
    /// The prediction, when the caller made it (only they change it); 403 for the model's owner,
    /// who sees it, and 404 for anyone else.
    /// </summary>
    public static JsonObject MadeBy(Store store, Caller caller, string id)
    {
        var inference = store.Get(Kinds.Inference, id) ?? throw DomainException.NotFound("Prediction", id);
        if (inference.Str("user_id") == caller.Id) return inference;
        var modelOwner = store.Get(Kinds.Model, inference.Str("model_id"))?.Str("user_id");
        throw modelOwner == caller.Id
            ? DomainException.NotAllowed("Only the user who made this prediction may change it.")
            : DomainException.NotFound("Prediction", id);
    }

    /// <summary>Applies a client's fields (error_reported, error, hidden, ...) to a prediction.</summary>
    public static JsonObject Update(Store store, JsonObject inference, JsonObject body)
    {
        Entities.ApplyClientFields(inference, body, ServerOwned);
        store.Put(Kinds.Inference, Entities.Touch(inference), inference.Str("model_id"));
        return inference;
    }

    /// <summary>The model's owner sees every prediction made with it; anyone else who can see it, their own.</summary>
    public static IEnumerable<JsonObject> History(Store store, Caller caller, JsonObject model, PredictionFilter filter, int pageIndex, int pageSize)
    {
        var owner = model.Str("user_id") == caller.Id;
        return store.List(Kinds.Inference, model.Str("id"))
            .Where(i => owner || i.Str("user_id") == caller.Id)
            .Where(i => filter.ModelVersionIds.Length == 0 || filter.ModelVersionIds.Contains(i.Str("model_version_id")))
            .Where(i => filter.IncludeAlreadyAdded || i.Str("dataset_item_id").Length == 0)
            .Where(i => filter.ShowHidden || !i.Bool("hidden"))
            .Reverse() // newest first
            .Skip((int)Math.Min((long)pageIndex * pageSize, int.MaxValue))
            .Take(pageSize);
    }

    private static JsonObject NewInference(Caller caller, JsonObject model, JsonObject version, PredictionInput input, InferenceResult result, TimeSpan elapsed)
    {
        var inference = Entities.Create(Kinds.Inference);
        var id = inference.Str("id");
        var best = result.Items.FirstOrDefault();
        var privacy = model.Bool("privacy_enabled");
        inference["name"] = privacy ? "" : input.Name;
        inference["prediction"] = best?.Label ?? "";
        inference["confidence"] = best?.Confidence ?? 0.0;
        inference["inference_items"] = new JsonArray(result.Items.Select(item => (JsonNode)new JsonObject
        {
            ["id"] = Entities.NewId(), ["prediction"] = item.Label, ["confidence"] = item.Confidence,
            ["inference_id"] = id, ["coordinates"] = item.Coordinates ?? "",
        }).ToArray());
        inference["inference_time"] = GoDuration.Format(result.ModelTime);
        inference["end_to_end_time"] = GoDuration.Format(elapsed);
        inference["inference_host"] = ApplicationCatalogue.LocalInferenceHost;
        inference["extension"] = input.Extension;
        inference["application_id"] = version.Str("application_id");
        inference["model_id"] = model.Str("id");
        inference["model_version_id"] = version.Str("id");
        inference["user_id"] = caller.Id;
        inference["privacy_enabled"] = privacy;
        return inference;
    }

    private static string InputPath(FileStore files, JsonObject version, JsonObject inference)
    {
        var extension = inference.Str("extension");
        var name = extension.Length > 0 ? $"{inference.Str("id")}.{extension}" : inference.Str("id");
        return Path.Combine(ModelFiles.VersionFolder(files, version), "inferences", name);
    }
}
