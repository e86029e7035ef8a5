using System.Globalization;
using System.Text.Json;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>The named features of a structured prediction: a JSON object such as {"temperature": "30", "day": "Tuesday"}.</summary>
internal sealed class StructuredFeatures
{
    private readonly Dictionary<string, JsonElement> _exact;
    private readonly Dictionary<string, JsonElement> _anyCase;

    private StructuredFeatures(Dictionary<string, JsonElement> values)
    {
        _exact = values;
        _anyCase = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values) _anyCase.TryAdd(name, value);
    }

    public static StructuredFeatures Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw NotAnObject();
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject()) values[property.Name] = property.Value.Clone();
            return new StructuredFeatures(values);
        }
        catch (JsonException)
        {
            throw NotAnObject();
        }
    }

    /// <summary>Whether a feature of this name (any letter case) was sent.</summary>
    public bool Has(string name) => _anyCase.ContainsKey(name);

    /// <summary>The feature as a number: a JSON number, a numeric string or a boolean (1/0); otherwise a 400 naming it.</summary>
    public double Number(string name)
    {
        var value = Get(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number: return value.GetDouble();
            case JsonValueKind.True: return 1;
            case JsonValueKind.False: return 0;
            case JsonValueKind.String when double.TryParse(value.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return number;
            default:
                throw DomainException.Invalid($"The feature '{name}' must be a number; got {value.GetRawText()}.");
        }
    }

    /// <summary>The feature as text (numbers as written).</summary>
    public string Text(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw DomainException.Invalid($"The feature '{name}' must be a text or a number; got {value.GetRawText()}."),
        };
    }

    private JsonElement Get(string name) =>
        _exact.TryGetValue(name, out var value) || _anyCase.TryGetValue(name, out value)
            ? value
            : throw DomainException.Invalid($"The feature '{name}' is missing from the input.");

    private static DomainException NotAnObject() =>
        DomainException.Invalid("A structured model needs its features as a JSON object, e.g. {\"temperature\": 30, \"day\": \"Tuesday\"}.");
}
