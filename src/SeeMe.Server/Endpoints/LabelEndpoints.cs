using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/labels: CRUD (rules in <see cref="LabelRules"/>) and the label
/// statistics of a split (labels/splits/{splitId}, counted by <see cref="LabelStats"/>).
/// </summary>
public static class LabelEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        version.MapGet("labels/splits/" + SplitRequest.IdRoute, Stats);
        VersionChildEndpoints.Map<LabelRequest>(version, new LabelRules(), LabelRequest.IdRoute);
    }

    private static IResult Stats([AsParameters] SplitRequest r)
    {
        var scope = r.ForReading();
        return Reply.Json(LabelStats.For(scope, scope.Split(r.SplitId)));
    }
}
