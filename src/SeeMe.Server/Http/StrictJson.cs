using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeeMe.Server.Http;

/// <summary>
/// Parses client JSON strictly, so that every problem is a 400 here and never a 500 later:
/// JsonNode reports a duplicate key only when the object is first read (an ArgumentException),
/// and a lone surrogate escape (<c>"\ud800"</c>) only when the string is read (an
/// InvalidOperationException), both deep inside whatever code touches the value first.
/// </summary>
public static class StrictJson
{
    /// <summary>The JSON object in <paramref name="utf8"/>, or a 400 that starts with <paramref name="what"/> and says what is wrong.</summary>
    public static JsonObject ParseObject(ReadOnlyMemory<byte> utf8, string what)
    {
        if (utf8.Span.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..]; // as a StreamReader would
        try
        {
            using var document = JsonDocument.Parse(utf8);
            Check(document.RootElement, "$", what);
            return JsonNode.Parse(utf8.Span) as JsonObject ?? throw ApiException.BadRequest($"{what} must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"{what} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>As <see cref="ParseObject(ReadOnlyMemory{byte}, string)"/>, for JSON held in a string (e.g. a structured prediction's input_text).</summary>
    public static JsonObject ParseObject(string json, string what) =>
        ParseObject(System.Text.Encoding.UTF8.GetBytes(json), what);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static void Check(JsonElement element, string path, string what)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var key = Decode(() => property.Name, path, what);
                    if (!keys.Add(key)) throw ApiException.BadRequest($"{what} has the key '{Short(key)}' twice in {path}; send each key once.");
                    Check(property.Value, Short(path + "." + key), what);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Check(item, $"{path}[{index++}]", what);
                break;
            case JsonValueKind.String:
                Decode(element.GetString, path, what);
                break;
        }
    }

    /// <summary>Keys and paths as they appear in a message: a long one is cut, not echoed whole.</summary>
    private static string Short(string text) => text.Length <= 100 ? text : text[..100] + "...";

    private static string Decode(Func<string?> read, string path, string what)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw ApiException.BadRequest(
                $"{what} has a string in {path} that is not valid Unicode (a lone surrogate escape such as \\ud800); send UTF-16 surrogates in pairs.");
        }
    }
}
