using System.Text.Json;
using System.Text.Json.Nodes;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// A job's items as the SDK's model has them: name, value, value_type and label required (the
/// value keeps the JSON type the client gave it), default_value and description optional, plus
/// the server's id, job_id and timestamps. Unknown fields are kept. On update an item that sends
/// back its id keeps it (and its created_at); an item without one is new.
/// </summary>
public static class JobItems
{
    private static readonly string[] RequiredStrings = ["name", "value_type", "label"];

    public static JsonArray FromClient(JsonNode? items, string jobId, JsonArray before)
    {
        if (items is not JsonArray list) return [];
        var existing = before.OfType<JsonObject>().ToDictionary(i => i.Str("id"));
        return new JsonArray(list.Select((node, index) => (JsonNode)One(node, index, jobId, existing)).ToArray());
    }

    private static JsonObject One(JsonNode? node, int index, string jobId, Dictionary<string, JsonObject> existing)
    {
        if (node is not JsonObject sent) throw ApiException.BadRequest($"Job item {index} must be an object {{name, value, value_type, label}}.");
        foreach (var field in RequiredStrings)
            if (sent[field] is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length == 0)
                throw ApiException.BadRequest($"Job item {index} needs '{field}' (a non-empty string).");
        if (sent["value"] is not JsonValue value || value.GetValueKind() is JsonValueKind.Null)
            throw ApiException.BadRequest($"Job item {index} ('{sent.Str("name")}') needs a 'value' (a string, number or true/false, as its value_type says).");

        var now = Entities.Now();
        var id = sent.Str("id");
        var item = (JsonObject)sent.DeepClone();
        if (id.Length > 0 && existing.TryGetValue(id, out var old)) item["created_at"] = old["created_at"]?.DeepClone() ?? now;
        else
        {
            item["id"] = Entities.NewId();
            item["created_at"] = now;
        }
        item["job_id"] = jobId;
        item["updated_at"] = now;
        if (item["description"] is null) item["description"] = "";
        if (item["default_value"] is null) item["default_value"] = "";
        return item;
    }
}
