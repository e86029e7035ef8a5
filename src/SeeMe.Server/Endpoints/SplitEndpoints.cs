using SeeMe.Server.Domain.Datasets;

namespace SeeMe.Server.Endpoints;

/// <summary>datasets/{datasetId}/versions/{datasetVersionId}/splits: CRUD (rules in <see cref="SplitRules"/>).</summary>
public static class SplitEndpoints
{
    public static void Map(RouteGroupBuilder version) => VersionChildEndpoints.Map<SplitRequest>(version, new SplitRules(), SplitRequest.IdRoute);
}
