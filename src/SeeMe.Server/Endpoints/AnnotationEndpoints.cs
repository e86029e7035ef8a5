using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/annotations: create, update, delete (replies with the deleted
/// annotation). The rules are in <see cref="AnnotationRules"/>.
/// </summary>
public static class AnnotationEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        var annotations = version.MapGroup("annotations");
        annotations.MapPost("", Create);
        annotations.MapPut("{id}", Update);
        annotations.MapDelete("{id}", Delete);
    }

    private static async Task<IResult> Create([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationRules.Create(scope, await r.ReadBodyAsync())));
    }

    private static async Task<IResult> Update([AsParameters] VersionRequest r, string id)
    {
        var scope = r.ForWriting();
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationRules.Update(scope, id, await r.ReadBodyAsync())));
    }

    private static IResult Delete([AsParameters] VersionRequest r, string id) =>
        Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationRules.Delete(r.ForWriting(), id)));
}
