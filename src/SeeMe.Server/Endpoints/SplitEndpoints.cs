using SeeMe.Server.Domain.Datasets;

namespace SeeMe.Server.Endpoints;

/// <summary>datasets/{datasetId}/versions/{datasetVersionId}/splits: CRUD (rules in <see cref="SplitRules"/>).</summary>
public static class SplitEndpoints
{
    private static readonly SplitRules Rules = new();

    public static void Map(RouteGroupBuilder version)
    {
        var split = VersionChildEndpoints.Map(version, Rules, SplitRequest.IdRoute);
        split.MapGet("", ([AsParameters] SplitRequest r) => VersionChildEndpoints.Get(Rules, r));
        split.MapPut("", ([AsParameters] SplitRequest r) => VersionChildEndpoints.Update(Rules, r));
        split.MapDelete("", ([AsParameters] SplitRequest r) => VersionChildEndpoints.Delete(Rules, r));
    }
}
