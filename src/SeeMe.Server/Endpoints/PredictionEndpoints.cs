using System.Diagnostics;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// POST inferences/{model_id}[/versions/{version_id}], PUT inferences/{id}, GET models/{id}/inferences.
/// Anyone who can see a model may predict with it; a prediction belongs to the user who made it.
/// </summary>
public static class PredictionEndpoints
{
    /// <summary>Inference fields set by the prediction itself, never by a client's update.</summary>
    private static readonly string[] ServerOwned =
    [
        "name", "prediction", "confidence", "inference_items", "model_id", "model_version_id", "application_id", "extension",
        "inference_host", "inference_time", "end_to_end_time", "result", "privacy_enabled",
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("inferences/{modelId}", (HttpContext context, string modelId, Store store, FileStore files, IInferenceEngine engine) =>
            Predict(context, modelId, null, store, files, engine));
        api.MapPost("inferences/{modelId}/versions/{versionId}", Predict);
        api.MapPut("inferences/{id}", Update);
        api.MapGet("models/{id}/inferences", History);
    }

    private static async Task<IResult> Predict(HttpContext context, string modelId, string? versionId, Store store, FileStore files, IInferenceEngine engine)
    {
        var started = Stopwatch.GetTimestamp();
        var model = Access.Visible(store, context.Caller(), Kinds.Model, modelId);
        var version = versionId is null ? ModelRecords.ActiveVersion(store, model) : ModelRecords.VersionOf(store, model, versionId);
        var applicationType = ApplicationCatalogue.TypeOf(store, model, version);
        var input = await PredictionInput.ReadAsync(context.Request, files, applicationType);
        try
        {
            var modelFile = ModelFiles.AssetPath(files, version, ModelAssets.Onnx) ?? ModelFiles.AssetPath(files, version, ModelAssets.OnnxInt8);
            var labels = ModelFiles.AssetPath(files, version, ModelAssets.Labels) ?? ModelFiles.AssetPath(files, version, ModelAssets.Names);
            var result = engine.Predict(new InferenceRequest(version.Str("id"), applicationType, modelFile, labels, version.Str("config"),
                input.ImageBytes, input.Text, input.StructuredJson));
            var inference = NewInference(context.Caller(), model, version, input, result, Stopwatch.GetElapsedTime(started));
            if (!model.Bool("privacy_enabled") && input.TempPath is not null)
                files.Commit(input.TempPath, InputPath(files, version, inference));
            store.Put(Kinds.Inference, inference, modelId);
            return Reply.Json(inference);
        }
        finally
        {
            if (input.TempPath is not null) File.Delete(input.TempPath);
        }
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

    // Only the user who made a prediction changes it; the model's owner sees it (403), others do not (404).
    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var caller = context.Caller();
        var inference = store.Get(Kinds.Inference, id) ?? throw ApiException.NotFound("Prediction", id);
        if (inference.Str("user_id") != caller.Id)
        {
            var modelOwner = store.Get(Kinds.Model, inference.Str("model_id"))?.Str("user_id");
            throw modelOwner == caller.Id
                ? ApiException.Forbidden("Only the user who made this prediction may change it.")
                : ApiException.NotFound("Prediction", id);
        }
        var body = await context.Request.ReadEntityAsync(Kinds.Inference);
        Entities.ApplyClientFields(inference, body, ServerOwned);
        store.Put(Kinds.Inference, Entities.Touch(inference), inference.Str("model_id"));
        return Reply.Json(inference);
    }

    // The model's owner sees every prediction made with it; anyone else who can see it, their own.
    private static IResult History(HttpContext context, string id, Store store)
    {
        var caller = context.Caller();
        var model = Access.Visible(store, caller, Kinds.Model, id);
        var request = context.Request;
        var page = request.QueryInt("pageCount", 0, 0, 1_000_000);
        var size = request.QueryInt("pageSize", 25, 1, 1000);
        var versions = request.Query["modelVersionIds"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var includeAdded = request.QueryBool("includeAlreadyAdded");
        var showHidden = request.QueryBool("showHidden");
        var owner = model.Str("user_id") == caller.Id;
        var inferences = store.List(Kinds.Inference, id)
            .Where(i => owner || i.Str("user_id") == caller.Id)
            .Where(i => versions.Length == 0 || versions.Contains(i.Str("model_version_id")))
            .Where(i => includeAdded || i.Str("dataset_item_id").Length == 0)
            .Where(i => showHidden || !i.Bool("hidden"))
            .Reverse() // newest first
            .Skip(page * size)
            .Take(size);
        return Reply.List(inferences);
    }
}
