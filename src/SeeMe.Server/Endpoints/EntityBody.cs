using System.Text.Json.Nodes;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>Reads a client's JSON entity and refuses fields of the wrong JSON type (400, never a 500 later).</summary>
public static class EntityBody
{
    public static async Task<JsonObject> ReadEntityAsync(this HttpRequest request, string kind)
    {
        var body = await request.ReadJsonBodyAsync();
        if (Entities.TypeProblem(kind, body) is { } problem) throw ApiException.BadRequest(problem);
        return body;
    }
}
