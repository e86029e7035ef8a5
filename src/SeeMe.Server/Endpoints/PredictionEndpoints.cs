using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Domain.Predictions;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// POST inferences/{model_id}[/versions/{version_id}], PUT inferences/{id}, GET models/{id}/inferences.
/// The rules are in <see cref="Predictions"/>; the input is read by <see cref="PredictionInputReader"/>.
/// </summary>
public static class PredictionEndpoints
{
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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var caller = context.Caller();
        var model = Access.Visible(store, caller, Kinds.Model, modelId);
        var version = versionId is null ? ModelRecords.ActiveVersion(store, model) : ModelRecords.VersionOf(store, model, versionId);
        var applicationType = ApplicationCatalogue.TypeOf(store, model, version);
        var input = await PredictionInputReader.ReadAsync(context.Request, files, applicationType);
        try
        {
            return Reply.Json(Predictions.Run(store, files, engine, caller, model, version, applicationType, input, started));
        }
        finally
        {
            if (input.TempPath is not null) File.Delete(input.TempPath);
        }
    }

    private static async Task<IResult> Update(HttpContext context, string id, Store store)
    {
        var inference = Predictions.MadeBy(store, context.Caller(), id);
        return Reply.Json(Predictions.Update(store, inference, await context.Request.ReadEntityAsync(Kinds.Inference)));
    }

    private static IResult History(HttpContext context, string id, Store store)
    {
        var caller = context.Caller();
        var model = Access.Visible(store, caller, Kinds.Model, id);
        var request = context.Request;
        var query = new PredictionHistoryQuery(
            PageIndex: request.QueryInt("pageCount", 0, 0, 1_000_000),
            PageSize: request.QueryInt("pageSize", 25, 1, 1000),
            VersionIds: request.Query["modelVersionIds"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IncludeAlreadyAdded: request.QueryBool("includeAlreadyAdded"),
            ShowHidden: request.QueryBool("showHidden"));
        return Reply.List(Predictions.History(store, caller, model, query));
    }
}
