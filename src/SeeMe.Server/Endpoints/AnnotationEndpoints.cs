using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// datasets/{datasetId}/versions/{datasetVersionId}/annotations: create, update, delete (replies with the deleted
/// annotation). The rules are in <see cref="AnnotationChanges"/>.
/// </summary>
public static class AnnotationEndpoints
{
    public static void Map(RouteGroupBuilder version)
    {
        var annotations = version.MapGroup("annotations");
        annotations.MapPost("", Create);
        annotations.MapPut("{annotationId}", Update);
        annotations.MapDelete("{annotationId}", Delete);
    }

    private static async Task<IResult> Create([AsParameters] VersionRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationChanges.Create(scope, await r.ReadBodyAsync())));
    }

    private static async Task<IResult> Update([AsParameters] AnnotationRequest r)
    {
        var scope = r.ForWriting();
        return Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationChanges.Update(scope, r.AnnotationId, await r.ReadBodyAsync())));
    }

    private static IResult Delete([AsParameters] AnnotationRequest r) =>
        Reply.Json(DatasetWire.Clean(Kinds.Annotation, AnnotationChanges.Delete(r.ForWriting(), r.AnnotationId)));
}

/// <summary>What every handler under annotations/{annotationId} takes.</summary>
public sealed class AnnotationRequest : VersionRequest
{
    [FromRoute] public string AnnotationId { get; init; } = "";
}
