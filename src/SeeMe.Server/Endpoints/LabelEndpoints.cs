using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{ds}/versions/{dv}/labels: CRUD (rules in <see cref="LabelRules"/>) and the label
/// statistics of a split (labels/splits/{split_id}).
/// </summary>
public static class LabelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("datasets/{ds}/versions/{dv}/labels/splits/{splitId}", Stats);
        VersionChildEndpoints.Map(api, new LabelRules());
    }

    private static IResult Stats(HttpContext context, string ds, string dv, string splitId, Store store, FileStore files)
    {
        var scope = VersionScope.Read(context, store, files, ds, dv);
        return Reply.Json(LabelStats.For(scope, scope.Split(splitId)));
    }
}
