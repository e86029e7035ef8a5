using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeeMe.Tests.Server;

/// <summary>
/// The wire shape of the model-side entities as docs/wire-contract.md ("Entities") writes it (independent of the
/// server's own field table): every key present, strings "" not null, lists [] not null, ids non-empty.
/// </summary>
public static class ModelWireShape
{
    private const string Common = "id:s created_at:s updated_at:s ";

    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["Application"] = Common + "name:s description:s base_framework:s base_framework_version:s framework:s framework_version:s " +
            "application:s inference_host:s can_convert_to_onnx:b can_convert_to_coreml:b can_convert_to_tensorflow:b " +
            "can_convert_to_tflite:b continual_training:b has_embedding_support:b has_labels_file:b inference_extensions:s",
        ["Model"] = Common + "name:s description:s user_id:s notes:s active_version_id:s classes:s accuracy:n can_inference:b kind:s " +
            "has_logo:b logo:s public:b config:s application_id:s has_ml_model:b has_onnx_model:b has_onnx_int8_model:b " +
            "has_tflite_model:b has_labels_file:b shared_with_me:b auto_convert:b privacy_enabled:b",
        ["ModelVersion"] = Common + "name:s description:s model_id:s user_id:s classes:s accuracy:n can_inference:b has_logo:b logo:s " +
            "config:s application_id:s version:s version_number:n has_ml_model:b has_onnx_model:b has_onnx_int8_model:b " +
            "has_tflite_model:b has_labels_file:b dataset_id:s dataset_version_id:s training_request_id:s job_id:s metrics:l",
        ["Inference"] = Common + "name:s description:s prediction:s confidence:n model_id:s model_version_id:s extension:s user_id:s " +
            "error_reported:b error:s application_id:s inference_host:s inference_time:s end_to_end_time:s dataset_item_id:s " +
            "result:s inference_items:l hidden:b privacy_enabled:b",
        ["InferenceItem"] = "id:s prediction:s confidence:n inference_id:s coordinates:s",
        ["Share"] = "id:s email:s entity_type:s entity_id:s without_invite:b",
        ["Job"] = Common + "name:s description:s job_type:s application_id:s status:s status_message:s user_id:s dataset_id:s " +
            "dataset_version_id:s model_id:s model_version_id:s start_model_id:s items:l",
        ["JobItem"] = Common + "job_id:s name:s description:s value:v value_type:s label:s default_value:v",
    };

    /// <summary>Asserts that <paramref name="node"/> is a complete <paramref name="entity"/> (and its nested items are too).</summary>
    public static void Assert(string entity, JsonNode node)
    {
        var obj = Xunit.Assert.IsType<JsonObject>(node);
        foreach (var field in Shapes[entity].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, type) = (field[..field.IndexOf(':')], field[(field.IndexOf(':') + 1)..]);
            Xunit.Assert.True(obj.ContainsKey(key), $"{entity} lacks key '{key}': {obj.ToJsonString()}");
            var value = obj[key];
            Xunit.Assert.True(value is not null, $"{entity}.{key} is null");
            var expected = type switch
            {
                "s" => [JsonValueKind.String],
                "b" => [JsonValueKind.True, JsonValueKind.False],
                "n" => [JsonValueKind.Number],
                "v" => [JsonValueKind.String, JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False],
                _ => new[] { JsonValueKind.Array },
            };
            Xunit.Assert.True(expected.Contains(value.GetValueKind()), $"{entity}.{key} is {value.GetValueKind()}, expected {type}");
        }
        if (Shapes[entity].StartsWith("id:")) Xunit.Assert.False(string.IsNullOrEmpty((string)obj["id"]), $"{entity}.id is empty");
        if (entity == "Inference") foreach (var item in obj["inference_items"]!.AsArray()) Assert("InferenceItem", item);
        if (entity == "Job") foreach (var item in obj["items"]!.AsArray()) Assert("JobItem", item);
    }

    public static void AssertAll(string entity, JsonNode list)
    {
        foreach (var node in Xunit.Assert.IsType<JsonArray>(list)) Assert(entity, node);
    }
}
