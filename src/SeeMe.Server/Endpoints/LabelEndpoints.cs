using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/labels: CRUD (rules in <see cref="LabelRules"/>) and the label
/// statistics of a split (labels/splits/{splitId}, counted by <see cref="LabelStats"/>).
/// </summary>
public static class LabelEndpoints
{
    private static readonly LabelRules Rules = new();

    public static void Map(RouteGroupBuilder version)
    {
        version.MapGet("labels/splits/" + SplitRequest.IdRoute, Stats);
        var label = VersionChildEndpoints.Map(version, Rules, LabelRequest.IdRoute);
        label.MapGet("", ([AsParameters] LabelRequest r) => VersionChildEndpoints.Get(Rules, r));
        label.MapPut("", ([AsParameters] LabelRequest r) => VersionChildEndpoints.Update(Rules, r));
        label.MapDelete("", ([AsParameters] LabelRequest r) => VersionChildEndpoints.Delete(Rules, r));
    }

    private static IResult Stats([AsParameters] SplitRequest r)
    {
        var scope = r.ForReading();
        return Reply.Json(LabelStats.For(scope, scope.Split(r.SplitId)));
    }
}
