using System.Text.Json.Nodes;
using SeeMe.Server.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{ds}/versions/{dv}/labels: CRUD (index = position, assigned by the server; colour from
/// the palette when not given) and the label statistics of a split (labels/splits/{split_id}).
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

    private sealed class LabelRules : VersionChildRules
    {
        public override string Kind => Kinds.Label;
        public override string Route => "labels";
        public override string Noun => "label";
        public override string[] ServerOwned => ["version_id", "index"];

        public override void Complete(VersionScope scope, JsonObject doc, bool isNew)
        {
            RequireUniqueName(scope, doc);
            if (isNew) doc["index"] = scope.Labels().Count;
            doc["color"] = LabelColors.Check(doc.Str("color"), (int?)doc["index"] ?? 0);
        }

        public override void Delete(Cascade cascade, VersionScope scope, JsonObject doc) => cascade.Label(scope, doc);
        public override List<JsonObject> List(VersionScope scope) => scope.Labels();
        public override JsonObject Find(VersionScope scope, string id) => scope.Label(id);
    }
}
