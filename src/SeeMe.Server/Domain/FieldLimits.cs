using System.Text.Json.Nodes;

namespace SeeMe.Server.Domain;

/// <summary>
/// The longest string the server stores in each field, in one place for every way in (JSON
/// bodies, zip imports). Limits count UTF-16 characters. Without them one huge field (a 100 MB
/// first name) is echoed, stored and read again by every request that touches the document;
/// a zip export also needs entry names (split/label/item) far below its 64 KiB limit.
/// </summary>
public static class FieldLimits
{
    /// <summary>Names: of items, labels, splits, datasets, models, versions...; also a file name's length on most disks.</summary>
    public const int Name = 255;

    /// <summary>
    /// Names of items, labels and splits, which an export turns into folder and file names: 200 keeps
    /// name.extension within <see cref="Name"/> (see Datasets/NameRules.cs).
    /// </summary>
    public const int ExportedName = 200;

    public const int Username = 64;

    /// <summary>The longest e-mail address RFC 5321 allows.</summary>
    public const int Email = 254;

    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing.</summary>
    public const int Password = 1024;

    /// <summary>Short codes: a label's colour and shortcut, a status, a job type, a file extension.</summary>
    public const int Code = 64;

    /// <summary>An item's text and a prediction's input_text (a text dataset's documents); a prediction's result, a version's config.</summary>
    public const int Text = 1024 * 1024;

    /// <summary>Every other string: descriptions, notes, configs, classes, coordinates, fields a newer client sends.</summary>
    public const int Long = 64 * 1024;

    private static readonly Dictionary<string, int> ByField = new(StringComparer.Ordinal)
    {
        ["name"] = Name, ["firstname"] = Name, ["username"] = Username, ["email"] = Email, ["password"] = Password,
        ["color"] = Code, ["shortcut"] = Code, ["status"] = Code, ["job_type"] = Code, ["extension"] = Code,
        ["entity_type"] = Code, ["kind"] = Code, ["version"] = Name,
        ["text"] = Text, ["input_text"] = Text,
        // Written by the server or a program rather than typed, and sent back whole by clients that update the entity.
        ["result"] = Text, ["config"] = Text,
    };

    /// <summary>The limit of a top-level string field of any entity or request body.</summary>
    public static int For(string field) => ByField.TryGetValue(field, out var limit) ? limit : Long;

    /// <summary>A 400 naming the field and its limit when <paramref name="value"/> is longer than <paramref name="limit"/>.</summary>
    public static void Check(string field, string value, int limit)
    {
        if (value.Length > limit)
            throw DomainException.Invalid($"Field '{field}' is {value.Length:N0} characters long; the limit is {limit:N0}.");
    }

    /// <summary>Checks every top-level string field of a request body against <see cref="For"/>.</summary>
    public static void CheckAll(JsonObject body)
    {
        foreach (var (key, value) in body)
            if (value is JsonValue v && v.TryGetValue<string>(out var s)) Check(key, s, For(key));
    }
}
