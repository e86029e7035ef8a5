using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// What a zip holds, read by a format before anything is written: splits and labels by name (in
/// order of appearance, each once, found by a set so a zip of 100k folders reads in linear time),
/// and the items with their file, splits and annotations. Names are checked as they are added.
/// </summary>
public sealed class ImportPlan
{
    private readonly HashSet<string> _splitNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _labelNames = new(StringComparer.Ordinal);

    public List<string> Splits { get; } = [];
    public List<PlannedLabel> Labels { get; } = [];
    public List<PlannedItem> Items { get; } = [];
    /// <summary>The version's new <c>config</c> (csv), or null to keep it.</summary>
    public string? Config { get; set; }
    /// <summary>Items without a split go into the version's default split (csv).</summary>
    public bool IntoDefaultSplit { get; init; }

    public void AddSplit(string name)
    {
        if (_splitNames.Add(NameRules.CheckImported(Kinds.Split, name))) Splits.Add(name);
    }

    public void AddLabel(string name, string color = "")
    {
        if (_labelNames.Add(NameRules.CheckImported(Kinds.Label, name))) Labels.Add(new PlannedLabel(name, color));
    }
}

public sealed record PlannedLabel(string Name, string Color);

/// <summary>An annotation by label name; <see cref="Split"/> "" means the item's first split.</summary>
public sealed record PlannedAnnotation(string Label, string Coordinates, string Split);

public sealed class PlannedItem(string name)
{
    public string Name { get; } = NameRules.CheckImported(Kinds.Item, name);
    /// <summary>The image's extension as in the zip, or "" for a text item.</summary>
    public string Extension { get; init; } = "";
    public string Text { get; set; } = "";
    /// <summary>The zip entry holding the image (copied into place on import), or null.</summary>
    public ZipItem? Image { get; init; }
    public List<string> Splits { get; } = [];
    public List<PlannedAnnotation> Annotations { get; } = [];
}
