using System.Globalization;

namespace SeeMe.Server.Inference;

/// <summary>Class names from a labels file: one name per line, line i naming output index i.</summary>
internal sealed class LabelsFile
{
    public static readonly LabelsFile None = new([]);

    private readonly string[] _names;

    private LabelsFile(string[] names) => _names = names;

    public int Count => _names.Length;

    /// <summary>Reads the file; a missing or absent file gives no names (outputs are then named by index).</summary>
    public static LabelsFile Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return None;
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return new LabelsFile(lines.ToArray());
    }

    /// <summary>The name of class <paramref name="index"/>, or the index as text when the file has none.</summary>
    public string NameOf(long index) =>
        index >= 0 && index < _names.Length && _names[index].Length > 0
            ? _names[index]
            : index.ToString(CultureInfo.InvariantCulture);
}
