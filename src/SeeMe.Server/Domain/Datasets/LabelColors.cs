using System.Text.RegularExpressions;
using SeeMe.Server.Http;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>Label colours: "#rrggbb" (stored lower case); a label without one gets the palette colour of its index.</summary>
public static partial class LabelColors
{
    /// <summary>Twenty distinct colours (Sasha Trubetskoy's palette), used in order and then again.</summary>
    public static readonly string[] Palette =
    [
        "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#fabebe",
        "#008080", "#e6beff", "#9a6324", "#fffac8", "#800000", "#aaffc3", "#808000", "#ffd8b1", "#000075", "#808080",
    ];

    public static string Default(int index) => Palette[Math.Abs(index) % Palette.Length];

    /// <summary>The colour in "#rrggbb" form, the palette colour when empty, 400 when malformed.</summary>
    public static string Check(string color, int index)
    {
        var trimmed = color.Trim();
        if (trimmed.Length == 0) return Default(index);
        return HexColor().IsMatch(trimmed)
            ? trimmed.ToLowerInvariant()
            : throw ApiException.BadRequest($"A label colour must look like \"#rrggbb\", not '{color}'.");
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
