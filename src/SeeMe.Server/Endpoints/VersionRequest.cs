using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// What every handler under <c>datasets/{datasetId}/versions/{datasetVersionId}</c> takes (bound with [AsParameters]):
/// the request, the two route ids, the store and the files, and the version resolved for reading
/// or for writing.
/// </summary>
public class VersionRequest : ApiRequest
{
    /// <summary>The route group every endpoint of a version's children is mapped under.</summary>
    public const string Route = "datasets/{datasetId}/versions/{datasetVersionId}";

    [FromRoute] public string DatasetId { get; init; } = "";
    [FromRoute] public string DatasetVersionId { get; init; } = "";

    /// <summary>The version, when the caller may see its dataset (404 otherwise).</summary>
    public VersionScope ForReading() => VersionScope.Read(Caller, Store, Files, DatasetId, DatasetVersionId);

    /// <summary>The version, when the caller owns its dataset (404 when not visible, 403 when only visible).</summary>
    public VersionScope ForWriting() => VersionScope.Write(Caller, Store, Files, DatasetId, DatasetVersionId);

    public Task<JsonObject> ReadBodyAsync() => Request.ReadJsonBodyAsync();
}
