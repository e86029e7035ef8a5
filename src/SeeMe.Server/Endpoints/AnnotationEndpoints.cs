using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>datasets/{ds}/versions/{dv}/annotations: create, update, delete (replies with the deleted annotation).</summary>
public static class AnnotationEndpoints
{
    private const string Annotations = "datasets/{ds}/versions/{dv}/annotations";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Annotations, Create);
        api.MapPut(Annotations + "/{id}", Update);
        api.MapDelete(Annotations + "/{id}", Delete);
    }

    private static async Task<IResult> Create(HttpContext c, string ds, string dv, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var body = await c.Request.ReadJsonObjectAsync();
        var itemId = DatasetWire.BodyString(body, "item_id");
        if (itemId.Length == 0) throw ApiException.BadRequest("An annotation needs an item_id.");
        var annotation = store.InTransaction(() => AnnotationRules.Create(scope, ItemOf(scope, itemId), body));
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, annotation));
    }

    private static async Task<IResult> Update(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var body = await c.Request.ReadJsonObjectAsync();
        var annotation = store.InTransaction(() =>
        {
            var current = scope.Annotation(id);
            return AnnotationRules.UpdateIfChanged(scope, scope.Item(current.Str("item_id")), current, body);
        });
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, annotation));
    }

    private static IResult Delete(HttpContext c, string ds, string dv, string id, Store store, FileStore files)
    {
        var scope = VersionScope.Write(c, store, files, ds, dv);
        var annotation = scope.Annotation(id);
        store.Delete(Kinds.Annotation, id);
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, annotation));
    }

    // A body reference that is not in this version is a 400 (the path was fine, the body was not).
    private static System.Text.Json.Nodes.JsonObject ItemOf(VersionScope scope, string itemId)
    {
        try { return scope.Item(itemId); }
        catch (ApiException e) when (e.Status == 404) { throw ApiException.BadRequest($"Item '{itemId}' is not in this dataset version."); }
    }
}
