using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/labels: CRUD (rules in <see cref="LabelRules"/>) and the label
/// statistics of a split (labels/splits/{split_id}, counted by <see cref="LabelStats"/>).
/// </summary>
public static class LabelEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        version.MapGet("labels/splits/{splitId}", Stats);
        VersionChildEndpoints.Map(version, new LabelRules());
    }

    private static IResult Stats([AsParameters] VersionRequest r, string splitId)
    {
        var scope = r.ForReading();
        return Reply.Json(LabelStats.For(scope, scope.Split(splitId)));
    }
}
