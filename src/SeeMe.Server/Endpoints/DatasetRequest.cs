using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// What every handler under <c>datasets/{datasetId}</c> (and its versions collection) takes, bound
/// with [AsParameters]: the request, the dataset id, the store and the files, and the dataset
/// resolved for reading or for writing.
/// </summary>
public sealed class DatasetRequest : ApiRequest
{
    [FromRoute] public string DatasetId { get; init; } = "";

    /// <summary>The dataset as the caller sees it (404 when not visible).</summary>
    public JsonObject ForReading() => Access.Visible(Store, Caller, Kinds.Dataset, DatasetId);

    /// <summary>The dataset, when the caller owns it (404 when not visible, 403 when only visible).</summary>
    public JsonObject ForWriting() => Access.Owned(Store, Caller, Kinds.Dataset, DatasetId);
}
