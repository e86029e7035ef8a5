using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Predictions;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// POST inferences/{modelId}[/versions/{modelVersionId}], PUT inferences/{inferenceId}, GET models/{modelId}/inferences.
/// The rules are in <see cref="Predictions"/>; the input is read by <see cref="PredictionInputReader"/>.
/// </summary>
public static class PredictionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("inferences/{modelId}", ([AsParameters] ModelRequest r) => Predict(r, null));
        api.MapPost("inferences/{modelId}/versions/{modelVersionId}", ([AsParameters] ModelVersionRequest r) => Predict(r, r.ModelVersionId));
        api.MapPut("inferences/{inferenceId}", Update);
        api.MapGet("models/{modelId}/inferences", History);
    }

    /// <summary>Runs the model's active version, or the version named by <paramref name="modelVersionId"/>.</summary>
    private static async Task<IResult> Predict(ModelRequest r, string? modelVersionId)
    {
        var started = Stopwatch.GetTimestamp();
        var target = Predictions.Target(r.Store, r.ForReading(), modelVersionId);
        var input = await PredictionInputReader.ReadAsync(r.Request, r.Files, target.ApplicationType);
        try
        {
            return Reply.Json(Predictions.Run(r.Store, r.Files, r.Engine, r.Caller, target, input, started));
        }
        finally
        {
            if (input.TempPath is not null) File.Delete(input.TempPath);
        }
    }

    private static async Task<IResult> Update([AsParameters] InferenceRequest r)
    {
        var inference = Predictions.MadeBy(r.Store, r.Caller, r.InferenceId);
        return Reply.Json(Predictions.Update(r.Store, inference, await r.Request.ReadEntityAsync(Kinds.Inference)));
    }

    private static IResult History([AsParameters] PredictionHistoryRequest r)
    {
        var model = r.ForReading();
        var (pageIndex, pageSize, filter) = (r.PageIndex, r.PageSize, r.Filter); // read in this order: a 400 names the first bad value
        return Reply.List(Predictions.History(r.Store, r.Caller, model, filter, pageIndex, pageSize));
    }
}

/// <summary>What PUT inferences/{inferenceId} takes.</summary>
public sealed class InferenceRequest : ApiRequest
{
    [FromRoute] public string InferenceId { get; init; } = "";
}

/// <summary>What GET models/{modelId}/inferences takes: the model's request and the page of its history asked for.</summary>
public sealed class PredictionHistoryRequest : ModelRequest
{
    [FromQuery(Name = "pageSize")] public string? PageSizeText { get; init; }
    [FromQuery(Name = "pageCount")] public string? PageCountText { get; init; }
    [FromQuery] public string? ModelVersionIds { get; init; }
    [FromQuery] public string? IncludeAlreadyAdded { get; init; }
    [FromQuery] public string? ShowHidden { get; init; }

    public int PageSize => QueryValue.Int("pageSize", PageSizeText, PageSizes.PredictionsDefault, 1, PageSizes.Max);
    public int PageIndex => QueryValue.Int("pageCount", PageCountText, 0, 0, int.MaxValue);
    public PredictionFilter Filter => new(
        ModelVersionIds: (ModelVersionIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IncludeAlreadyAdded: QueryValue.Bool("includeAlreadyAdded", IncludeAlreadyAdded),
        ShowHidden: QueryValue.Bool("showHidden", ShowHidden));
}
