using System.Text.Json.Nodes;
using SeeMe.Server.Datasets;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>datasets/{ds}/versions/{dv}/splits: CRUD. Deleting a split deletes the items that were only in it.</summary>
public static class SplitEndpoints
{
    public static void Map(RouteGroupBuilder api) => VersionChildEndpoints.Map(api, new SplitRules());

    private sealed class SplitRules : VersionChildRules
    {
        public override string Kind => Kinds.Split;
        public override string Route => "splits";
        public override string Noun => "split";
        public override string[] ServerOwned => ["version_id"];

        public override void Complete(VersionScope scope, JsonObject doc, bool isNew) => RequireUniqueName(scope, doc);
        public override void Delete(Cascade cascade, VersionScope scope, JsonObject doc) => cascade.Split(scope, doc);
        public override List<JsonObject> List(VersionScope scope) => scope.Splits();
        public override JsonObject Find(VersionScope scope, string id) => scope.Split(id);
    }
}
