using System.Text.Json.Nodes;

namespace SeeMe.Server.Storage;

/// <summary>The document kinds in the store.</summary>
public static class Kinds
{
    public const string User = "user";
    public const string Application = "application";
    public const string Model = "model";
    public const string ModelVersion = "model_version";
    public const string Inference = "inference";
    public const string Share = "share";
    public const string Job = "job";
    public const string Dataset = "dataset";
    public const string DatasetVersion = "dataset_version";
    public const string Split = "split";
    public const string Label = "label";
    public const string Item = "item";
    public const string Annotation = "annotation";
}

/// <summary>
/// The wire shape of every entity (docs/wire-contract.md, "Entities"): each kind's fields with their
/// defaults, so that every reply holds every key, strings are "" not null and lists [] not null.
/// </summary>
public static class Entities
{
    private const string S = "";          // string field
    private const bool B = false;         // boolean field
    private const int I = 0;              // integer field
    private const double D = 0.0;         // number field
    private static readonly object L = new(); // list field
    private static readonly object N = new(); // nullable field (timestamps such as deleted_at)

    private static readonly string[] Common = ["id", "created_at", "updated_at"];

    private static readonly Dictionary<string, (string Name, object Default)[]> Fields = new()
    {
        [Kinds.User] = [("username", S), ("email", S), ("name", S), ("firstname", S), ("apikey", S)],
        [Kinds.Application] = [("name", S), ("description", S), ("base_framework", S), ("base_framework_version", S),
            ("framework", S), ("framework_version", S), ("application", S), ("inference_host", S),
            ("can_convert_to_onnx", B), ("can_convert_to_coreml", B), ("can_convert_to_tensorflow", B),
            ("can_convert_to_tflite", B), ("continual_training", B), ("has_embedding_support", B),
            ("has_labels_file", B), ("inference_extensions", S)],
        [Kinds.Model] = [("name", S), ("description", S), ("user_id", S), ("notes", S), ("active_version_id", S),
            ("classes", S), ("accuracy", D), ("can_inference", B), ("kind", S), ("has_logo", B), ("logo", S),
            ("public", B), ("config", S), ("application_id", S), ("has_ml_model", B), ("has_onnx_model", B),
            ("has_onnx_int8_model", B), ("has_tflite_model", B), ("has_labels_file", B), ("shared_with_me", B),
            ("auto_convert", true), ("privacy_enabled", B)],
        [Kinds.ModelVersion] = [("name", S), ("description", S), ("model_id", S), ("user_id", S), ("classes", S),
            ("accuracy", D), ("can_inference", B), ("has_logo", B), ("logo", S), ("config", S), ("application_id", S),
            ("version", S), ("version_number", I), ("has_ml_model", B), ("has_onnx_model", B),
            ("has_onnx_int8_model", B), ("has_tflite_model", B), ("has_labels_file", B), ("dataset_id", S),
            ("dataset_version_id", S), ("training_request_id", S), ("job_id", S), ("metrics", L)],
        [Kinds.Inference] = [("name", S), ("description", S), ("prediction", S), ("confidence", D), ("model_id", S),
            ("model_version_id", S), ("extension", S), ("user_id", S), ("error_reported", B), ("error", S),
            ("application_id", S), ("inference_host", S), ("inference_time", S), ("end_to_end_time", S),
            ("dataset_item_id", S), ("result", S), ("inference_items", L), ("hidden", B), ("privacy_enabled", B)],
        [Kinds.Share] = [("email", S), ("entity_type", S), ("entity_id", S), ("without_invite", B)],
        [Kinds.Job] = [("name", S), ("description", S), ("job_type", S), ("application_id", S), ("status", S),
            ("status_message", S), ("user_id", S), ("dataset_id", S), ("dataset_version_id", S), ("model_id", S),
            ("model_version_id", S), ("start_model_id", S), ("items", L)],
        [Kinds.Dataset] = [("name", S), ("description", S), ("deleted_at", N), ("user_id", S), ("notes", S),
            ("versions", L), ("multi_label", B), ("default_splits", B), ("has_logo", B), ("logo", S), ("public", B),
            ("shared_with_me", B), ("content_type", S)],
        [Kinds.DatasetVersion] = [("name", S), ("description", S), ("deleted_at", N), ("labels", L), ("user_id", S),
            ("dataset_id", S), ("splits", L), ("default_split", S), ("config", S)],
        [Kinds.Split] = [("name", S), ("description", S), ("user_id", S), ("version_id", S)],
        [Kinds.Label] = [("name", S), ("description", S), ("user_id", S), ("version_id", S), ("color", S),
            ("index", I), ("shortcut", S)],
        [Kinds.Item] = [("name", S), ("description", S), ("user_id", S), ("text", S), ("splits", L),
            ("annotations", L), ("extension", S)],
        [Kinds.Annotation] = [("label_id", S), ("item_id", S), ("split_id", S), ("coordinates", S), ("user_id", S)],
    };

    /// <summary>A new document of <paramref name="kind"/> with a fresh id, timestamps and every field at its default.</summary>
    public static JsonObject Create(string kind)
    {
        var now = Now();
        var doc = new JsonObject { ["id"] = NewId(), ["created_at"] = now, ["updated_at"] = now };
        return Normalize(kind, doc);
    }

    /// <summary>Fills in missing keys and replaces nulls with the field's default ("" / false / 0 / []).</summary>
    public static JsonObject Normalize(string kind, JsonObject doc)
    {
        foreach (var key in Common)
            if (doc[key] is null) doc[key] = key == "id" ? NewId() : Now();
        foreach (var (name, fallback) in Fields[kind])
        {
            if (doc[name] is not null) continue;
            doc[name] = fallback switch
            {
                string s => s,
                bool b => b,
                int i => i,
                double d => d,
                _ when ReferenceEquals(fallback, L) => new JsonArray(),
                _ => null,
            };
        }
        return doc;
    }

    /// <summary>
    /// Copies what a client sent onto <paramref name="target"/>: every field except the common
    /// server-owned ones (id, user_id, timestamps) and <paramref name="serverOwned"/>. Nulls mean
    /// "not given" (later SDKs send every field, unset ones as null). Unknown fields are kept.
    /// </summary>
    public static JsonObject ApplyClientFields(JsonObject target, JsonObject body, params string[] serverOwned)
    {
        foreach (var (key, value) in body)
        {
            if (value is null || key is "id" or "user_id" or "created_at" or "updated_at" || serverOwned.Contains(key)) continue;
            target[key] = value.DeepClone();
        }
        return target;
    }

    /// <summary>
    /// The first client-sent field whose JSON type does not match its entity field (a string field
    /// given a number, a list field given an object...), as a message; null when all fit. Nulls
    /// and unknown fields are fine, and so are <paramref name="ignored"/> (server-owned) fields.
    /// </summary>
    public static string? TypeProblem(string kind, JsonObject body, params string[] ignored)
    {
        foreach (var (name, fallback) in Fields[kind])
        {
            if (body[name] is not { } value || ReferenceEquals(fallback, N) || ignored.Contains(name)) continue;
            var kindOfValue = value.GetValueKind();
            var (fits, expected) = fallback switch
            {
                string => (kindOfValue == System.Text.Json.JsonValueKind.String, "a string"),
                bool => (kindOfValue is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False, "true or false"),
                int => (value is JsonValue v && v.TryGetValue<int>(out _), "a whole number"),
                double => (kindOfValue == System.Text.Json.JsonValueKind.Number, "a number"),
                _ => (kindOfValue == System.Text.Json.JsonValueKind.Array, "a list"),
            };
            if (!fits) return $"Field '{name}' must be {expected}.";
        }
        return null;
    }

    /// <summary>Marks a document as changed now.</summary>
    public static JsonObject Touch(JsonObject doc)
    {
        doc["updated_at"] = Now();
        return doc;
    }

    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>RFC 3339 UTC timestamp, as the service writes them.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    /// <summary>A string field of a document ("" when missing).</summary>
    public static string Str(this JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>A boolean field of a document (false when missing).</summary>
    public static bool Bool(this JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
