using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeeMe.Tests.Wire;

/// <summary>
/// The REST contract (docs: the SeeMe API as the Python SDK speaks it) as data: the routes the
/// SDK calls, and the keys and JSON types of the bodies it sends. The wire tests check every
/// recorded request against it.
/// </summary>
public static class WireContract
{
    /// <summary>Every route the SDK calls (0.13.7 and later); {x} is one path segment.</summary>
    public static readonly string[] Routes =
    [
        "POST register", "POST login", "DELETE users/{id}", "GET applications",
        "GET models", "POST models", "GET models/{id}", "PUT models/{id}", "DELETE models/{id}",
        "POST models/{id}/upload", "GET models/{id}/download/{asset}", "GET models/{id}/inferences",
        "POST models/{id}/share", "GET models/{id}/share", "DELETE models/{id}/share/{id}",
        "GET models/{id}/versions", "POST models/{id}/versions", "GET models/{id}/versions/{id}", "PUT models/{id}/versions/{id}",
        "DELETE models/{id}/versions/{id}", "POST models/{id}/versions/{id}/upload", "GET models/{id}/versions/{id}/download/{asset}",
        "POST inferences/{id}", "POST inferences/{id}/versions/{id}", "PUT inferences/{id}",
        "GET datasets", "POST datasets", "GET datasets/{id}", "PUT datasets/{id}", "DELETE datasets/{id}",
        "POST datasets/{id}/upload", "GET datasets/{id}/logo", "POST datasets/{id}/share",
        "GET datasets/{id}/versions", "POST datasets/{id}/versions", "GET datasets/{id}/versions/{id}", "PUT datasets/{id}/versions/{id}",
        "DELETE datasets/{id}/versions/{id}", "POST datasets/{id}/versions/{id}/new",
        "GET datasets/{id}/versions/{id}/download", "GET datasets/{id}/versions/{id}/download/{id}",
        "POST datasets/{id}/versions/{id}/upload", "POST datasets/{id}/versions/{id}/upload/{format}",
        "GET datasets/{id}/versions/{id}/splits", "POST datasets/{id}/versions/{id}/splits",
        "GET datasets/{id}/versions/{id}/splits/{id}", "PUT datasets/{id}/versions/{id}/splits/{id}", "DELETE datasets/{id}/versions/{id}/splits/{id}",
        "GET datasets/{id}/versions/{id}/labels", "POST datasets/{id}/versions/{id}/labels",
        "GET datasets/{id}/versions/{id}/labels/{id}", "PUT datasets/{id}/versions/{id}/labels/{id}", "DELETE datasets/{id}/versions/{id}/labels/{id}",
        "GET datasets/{id}/versions/{id}/labels/splits/{id}",
        "POST datasets/{id}/versions/{id}/annotations", "PUT datasets/{id}/versions/{id}/annotations/{id}", "DELETE datasets/{id}/versions/{id}/annotations/{id}",
        "GET datasets/{id}/versions/{id}/items", "POST datasets/{id}/versions/{id}/items",
        "GET datasets/{id}/versions/{id}/items/{id}", "PUT datasets/{id}/versions/{id}/items/{id}", "DELETE datasets/{id}/versions/{id}/items/{id}",
        "DELETE datasets/{id}/versions/{id}/splits/{id}/items/{id}",
        "POST datasets/{id}/versions/{id}/items/{id}/upload", "GET datasets/{id}/versions/{id}/items/{id}/download",
        "GET jobs", "POST jobs", "GET jobs/{id}", "PUT jobs/{id}", "DELETE jobs/{id}",
    ];

    private const string Common = "id:R created_at:t updated_at:t ";
    private const string Named = Common + "name:s description:s ";

    /// <summary>
    /// Every entity and request body, written once: key:type, where s = string, S = non-empty string,
    /// R = string (non-empty in replies: ids and parents), b = boolean, n = number, i = whole number or null
    /// (numbered by the server), t = timestamp string or null, d = timestamp string or null also in replies
    /// (deleted_at), l = list, v = a string, number or boolean, ? = anything. Nested lists are checked by
    /// <see cref="Nested"/>. A request is checked as written (<see cref="Problems"/>); a reply is held to
    /// quirk 3 (<see cref="ReplyProblems"/>): no nulls but <c>d</c>, R and t non-empty, i a number, ? a scalar.
    /// </summary>
    public static readonly Dictionary<string, string> Shapes = new()
    {
        ["Login"] = "username:S password:S",
        ["Application"] = Common + "name:s description:s base_framework:s base_framework_version:s framework:s framework_version:s " +
            "application:s inference_host:s can_convert_to_onnx:b can_convert_to_coreml:b can_convert_to_tensorflow:b " +
            "can_convert_to_tflite:b continual_training:b has_embedding_support:b has_labels_file:b inference_extensions:s",
        ["Register"] = "username:S email:S password:S firstname:s name:s",
        ["InputText"] = "input_text:s",
        ["Duplicate"] = "dataset_id:S",
        ["Model"] = Named + "user_id:s notes:s active_version_id:s classes:s accuracy:n can_inference:b kind:s has_logo:b logo:s public:b " +
            "config:s application_id:s has_ml_model:b has_onnx_model:b has_onnx_int8_model:b has_tflite_model:b has_labels_file:b " +
            "shared_with_me:b auto_convert:b privacy_enabled:b",
        ["ModelVersion"] = Named + "model_id:s user_id:s classes:s accuracy:n can_inference:b has_logo:b logo:s config:s application_id:s " +
            "version:s version_number:i has_ml_model:b has_onnx_model:b has_onnx_int8_model:b has_tflite_model:b has_labels_file:b " +
            "dataset_id:s dataset_version_id:s training_request_id:s job_id:s metrics:l",
        ["Inference"] = Named + "prediction:s confidence:n model_id:s model_version_id:s extension:s user_id:s error_reported:b error:s " +
            "application_id:s inference_host:s inference_time:s end_to_end_time:s dataset_item_id:s result:s inference_items:l hidden:b privacy_enabled:b",
        ["InferenceItem"] = "id:R prediction:s confidence:n inference_id:s coordinates:s",
        ["Dataset"] = Named + "deleted_at:d user_id:s notes:s versions:l multi_label:b default_splits:b has_logo:b logo:s public:b shared_with_me:b content_type:R",
        ["DatasetVersion"] = Named + "deleted_at:d labels:l user_id:s dataset_id:R splits:l default_split:s config:s",
        ["DatasetSplit"] = Named + "user_id:s version_id:R",
        ["DatasetLabel"] = Named + "user_id:s version_id:R color:s index:n shortcut:s",
        ["DatasetItem"] = Named + "user_id:s text:s splits:l annotations:l extension:s",
        ["Annotation"] = Common + "label_id:R item_id:R split_id:s coordinates:s user_id:s",
        ["LabelStat"] = "label_id:s split_id:s count:n annotation_count:n item_count:n",
        ["Share"] = "id:R email:S entity_type:S entity_id:S without_invite:b",
        ["Job"] = Named + "job_type:S application_id:s status:S status_message:s user_id:s dataset_id:s dataset_version_id:s model_id:s " +
            "model_version_id:s start_model_id:s items:l",
        ["JobItem"] = Common + "job_id:s name:S description:s value:v value_type:S label:S default_value:?",
    };

    /// <summary>The shapes of the objects inside an entity's lists.</summary>
    private static readonly Dictionary<(string Entity, string List), string> Nested = new()
    {
        [("Inference", "inference_items")] = "InferenceItem",
        [("DatasetVersion", "labels")] = "DatasetLabel",
        [("DatasetVersion", "splits")] = "DatasetSplit",
        [("Dataset", "versions")] = "DatasetVersion",
        [("DatasetItem", "splits")] = "DatasetSplit",
        [("DatasetItem", "annotations")] = "Annotation",
        [("Job", "items")] = "JobItem",
    };

    /// <summary>Does "GET models/abc/versions" match "GET models/{id}/versions"?</summary>
    public static bool Matches(string route, string method, string path)
    {
        var (routeMethod, template) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
        var expected = template.Split('/');
        var actual = path.Split('/');
        return routeMethod == method && expected.Length == actual.Length &&
               expected.Zip(actual).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : p.First == p.Second);
    }

    /// <summary>What is wrong with <paramref name="body"/> as a request's <paramref name="shape"/> (nested lists too); empty when nothing.</summary>
    public static IEnumerable<string> Problems(string shape, JsonNode body) => Problems(shape, body, shape, reply: false);

    /// <summary>What is wrong with <paramref name="body"/> as a reply's <paramref name="shape"/> (quirk 3: every key present, no nulls); empty when nothing.</summary>
    public static IEnumerable<string> ReplyProblems(string shape, JsonNode body) => Problems(shape, body, shape, reply: true);

    private static IEnumerable<string> Problems(string shape, JsonNode body, string where, bool reply)
    {
        if (body is not JsonObject obj)
        {
            yield return $"{where} is not a JSON object: {body?.ToJsonString() ?? "no body"}";
            yield break;
        }
        foreach (var field in Shapes[shape].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, type) = (field[..field.IndexOf(':')], field[(field.IndexOf(':') + 1)..]);
            if (!obj.ContainsKey(key)) { yield return $"{where} lacks '{key}'"; continue; }
            var value = obj[key];
            var kind = value?.GetValueKind() ?? JsonValueKind.Null;
            if (!Fits(reply ? ReplyType(type) : RequestType(type), kind, value))
            {
                yield return $"{where}.{key} is {kind} ({value?.ToJsonString()}), the contract wants {type}{(reply ? " in a reply" : "")}";
                continue;
            }
            if (kind == JsonValueKind.Array && Nested.TryGetValue((shape, key), out var inner))
            {
                var index = 0;
                foreach (var element in value!.AsArray())
                foreach (var problem in Problems(inner, element, $"{where}.{key}[{index++}]", reply))
                    yield return problem;
            }
        }
    }

    private static string RequestType(string type) => type switch { "R" => "s", "d" => "t", _ => type };

    private static string ReplyType(string type) => type switch { "R" or "t" => "S", "i" => "n", "?" => "v", _ => type };

    private static bool Fits(string type, JsonValueKind kind, JsonNode value) => type switch
    {
        "s" => kind == JsonValueKind.String,
        "S" => kind == JsonValueKind.String && ((string)value).Length > 0,
        "b" => kind is JsonValueKind.True or JsonValueKind.False,
        "n" => kind == JsonValueKind.Number,
        "i" => kind == JsonValueKind.Null || (value is JsonValue v && v.TryGetValue<int>(out _)),
        "t" or "d" => kind is JsonValueKind.Null or JsonValueKind.String,
        "l" => kind == JsonValueKind.Array,
        "v" => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };
}
