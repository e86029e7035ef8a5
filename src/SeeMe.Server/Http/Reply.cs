using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Http;

/// <summary>Replies with JSON documents as they are stored.</summary>
public static class Reply
{
    public static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json", Encoding.UTF8);

    public static IResult List(IEnumerable<JsonNode> nodes) => Json((JsonNode)new JsonArray(nodes.Select(n => n.DeepClone()).ToArray()));

    public static IResult File(StoredFile file) => TypedResults.PhysicalFile(file.Path, file.ContentType, file.DownloadName);
}
