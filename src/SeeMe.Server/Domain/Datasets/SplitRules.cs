using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>Splits: a unique name per version; deleting one deletes the items that were only in it.</summary>
public sealed class SplitRules : VersionChildRules
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
