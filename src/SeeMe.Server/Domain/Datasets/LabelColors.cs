using System.Text.RegularExpressions;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Label colours: the hex forms a user writes ("#rgb", "#rgba", "#rrggbb", "#rrggbbaa", any case), stored as given;
/// a label without one gets the palette colour of its index.
/// </summary>
public static partial class LabelColors
{
    /// <summary>Twenty distinct colours (Sasha Trubetskoy's palette), used in order and then again.</summary>
    public static readonly string[] Palette =
    [
        "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#fabebe",
        "#008080", "#e6beff", "#9a6324", "#fffac8", "#800000", "#aaffc3", "#808000", "#ffd8b1", "#000075", "#808080",
    ];

    public static string Default(int index) => Palette[Math.Abs(index) % Palette.Length];

    /// <summary>The colour as given (trimmed), the palette colour when empty, 400 when it is no hex colour.</summary>
    public static string Check(string color, int index)
    {
        var trimmed = color.Trim();
        if (trimmed.Length == 0) return Default(index);
        return HexColor().IsMatch(trimmed)
            ? trimmed
            : throw DomainException.Invalid(
                $"A label colour is '#' and 3, 4, 6 or 8 hex digits (\"#rgb\", \"#rrggbb\", \"#rrggbbaa\"), not '{Shorten(color)}'.");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex("^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();
}
