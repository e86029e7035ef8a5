using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Models;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// What every handler under <c>models/{modelId}</c> takes (bound with [AsParameters]): the request,
/// the model id, the store, the files and the inference engine, and the model resolved for
/// reading or for writing.
/// </summary>
public class ModelRequest : ApiRequest
{
    [FromRoute] public string ModelId { get; init; } = "";
    [FromServices] public IInferenceEngine Engine { get; init; } = null!;

    /// <summary>The model as the caller sees it (404 when not visible).</summary>
    public JsonObject ForReading() => Access.Visible(Store, Caller, Kinds.Model, ModelId);

    /// <summary>The model, when the caller owns it (404 when not visible, 403 when only visible).</summary>
    public JsonObject ForWriting() => Access.Owned(Store, Caller, Kinds.Model, ModelId);

    /// <summary>The body as an entity of <paramref name="kind"/> (400 for a field of the wrong JSON type).</summary>
    public Task<JsonObject> ReadEntityAsync(string kind) => Request.ReadEntityAsync(kind);
}

/// <summary>What every handler under <c>models/{modelId}/versions/{modelVersionId}</c> takes: the model's, and the version resolved.</summary>
public class ModelVersionRequest : ModelRequest
{
    [FromRoute] public string ModelVersionId { get; init; } = "";

    /// <summary>The version of a model the caller sees (404 when either is not visible).</summary>
    public JsonObject VersionForReading() => ModelRules.VersionOf(Store, ForReading(), ModelVersionId);

    /// <summary>The version of a model the caller owns (404 when not visible, 403 when only visible).</summary>
    public JsonObject VersionForWriting() => VersionOf(ForWriting());

    /// <summary>The version of <paramref name="model"/> (404 when it has none by this id).</summary>
    public JsonObject VersionOf(JsonObject model) => ModelRules.VersionOf(Store, model, ModelVersionId);
}

/// <summary>What GET models/{modelId}/download/{asset} takes (the asset type, e.g. onnx).</summary>
public sealed class ModelAssetRequest : ModelRequest
{
    [FromRoute] public string Asset { get; init; } = "";
}

/// <summary>What GET models/{modelId}/versions/{modelVersionId}/download/{asset} takes.</summary>
public sealed class ModelVersionAssetRequest : ModelVersionRequest
{
    [FromRoute] public string Asset { get; init; } = "";
}
