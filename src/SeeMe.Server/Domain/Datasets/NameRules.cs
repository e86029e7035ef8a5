using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// The names of items, labels and splits become folder and file names in an export
/// (docs/wire-contract.md, "Dataset zip layouts"), so they are limited in length on the way in,
/// from a request body or from an imported zip: 200 characters keep name.extension within the
/// 255 that file systems allow.
/// </summary>
public static class NameRules
{
    public const int MaxLength = FieldLimits.ExportedName;

    private static readonly string[] NamedKinds = [Kinds.Item, Kinds.Label, Kinds.Split];

    /// <summary>400 naming the field and the limit when a body gives a kind of <see cref="NamedKinds"/> a name that is too long.</summary>
    public static void CheckBody(string kind, JsonObject body)
    {
        if (NamedKinds.Contains(kind) && body["name"] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > MaxLength)
            throw DomainException.Invalid($"Field 'name' of the {kind} is {name.Length:N0} characters long; a {kind} name can have at most {MaxLength} characters.");
    }

    /// <summary>400 when a name read from an imported zip is too long for a <paramref name="kind"/> (item, label, split).</summary>
    public static string CheckImported(string kind, string name) => name.Length <= MaxLength
        ? name
        : throw DomainException.Invalid($"The zip holds a {kind} name of {name.Length:N0} characters ('{name[..40]}…'); a {kind} name can have at most {MaxLength} characters. Nothing was imported.");
}
