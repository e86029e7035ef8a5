using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Labels: a unique name per version, <c>index</c> = position (assigned by the server, renumbered
/// when one is deleted), colour from the palette when not given; deleting one deletes its annotations.
/// </summary>
public sealed class LabelRules : VersionChildRules
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
