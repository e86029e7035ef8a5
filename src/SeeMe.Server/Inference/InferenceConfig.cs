using System.Globalization;
using System.Text.Json;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// The inference settings read from a version's <c>config</c> JSON. Keys: <c>mean</c>, <c>std</c>
/// (per-channel normalisation, [0,1] scale or, when a mean is above 1, 0–255 scale),
/// <c>input_size</c> (an int or [height, width] for models with dynamic image dimensions),
/// <c>confidence_threshold</c>, <c>iou_threshold</c> (object detection) and <c>column_names</c>
/// ("a,b,c" or ["a","b","c"]: the feature order of a structured model's input vector).
/// A config that is not a JSON object is ignored; a known key with a wrong value is refused.
/// </summary>
internal sealed class InferenceConfig
{
    public float[]? Mean { get; private init; }
    public float[]? Std { get; private init; }
    public int? InputHeight { get; private init; }
    public int? InputWidth { get; private init; }
    public double ConfidenceThreshold { get; private init; } = 0.25;
    public double IouThreshold { get; private init; } = 0.45;
    public IReadOnlyList<string>? ColumnNames { get; private init; }

    public static InferenceConfig Parse(string? json)
    {
        var root = TryParseObject(json);
        if (root is not { } config) return new InferenceConfig();
        var (height, width) = InputSize(config);
        return new InferenceConfig
        {
            Mean = Numbers(config, "mean"),
            Std = Numbers(config, "std"),
            InputHeight = height,
            InputWidth = width,
            ConfidenceThreshold = Fraction(config, "confidence_threshold") ?? 0.25,
            IouThreshold = Fraction(config, "iou_threshold") ?? 0.45,
            ColumnNames = Columns(config),
        };
    }

    private static JsonElement? TryParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Get(JsonElement config, string key) =>
        config.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static float[]? Numbers(JsonElement config, string key)
    {
        if (Get(config, key) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number) return [value.GetSingle()];
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(IsNumber) && value.GetArrayLength() > 0)
            return value.EnumerateArray().Select(e => (float)ToDouble(e)).ToArray();
        throw Invalid(key, "a number or a list of numbers");
    }

    private static double? Fraction(JsonElement config, string key)
    {
        if (Get(config, key) is not { } value) return null;
        if (!IsNumber(value) || ToDouble(value) is < 0 or > 1) throw Invalid(key, "a number from 0 to 1");
        return ToDouble(value);
    }

    private static (int?, int?) InputSize(JsonElement config)
    {
        if (Get(config, "input_size") is not { } value) return (null, null);
        var sizes = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        if (sizes.Length is 0 or > 2 || !sizes.All(IsNumber) || sizes.Any(s => ToDouble(s) is < 1 or > 8192 || ToDouble(s) % 1 != 0))
            throw Invalid("input_size", "a whole number of pixels or [height, width]");
        return ((int)ToDouble(sizes[0]), (int)ToDouble(sizes[^1]));
    }

    private static IReadOnlyList<string>? Columns(JsonElement config)
    {
        if (Get(config, "column_names") is not { } value) return null;
        string[] names = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Split(','),
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
            _ => throw Invalid("column_names", "a comma-separated string or a list of names"),
        };
        names = names.Select(n => n.Trim()).ToArray();
        if (names.Length == 0 || names.Any(n => n.Length == 0)) throw Invalid("column_names", "a list of non-empty names");
        return names;
    }

    private static bool IsNumber(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ||
        (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static double ToDouble(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static DomainException Invalid(string key, string expected) =>
        DomainException.ModelCannotRun($"The version config's '{key}' must be {expected}.");
}
