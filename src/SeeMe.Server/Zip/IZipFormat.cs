using System.IO.Compression;
using System.Text;

namespace SeeMe.Server.Zip;

/// <summary>A dataset zip layout (docs/wire-contract.md, "Dataset zip layouts"): writes a version, and reads a zip into an import plan.</summary>
public interface IZipFormat
{
    string Name { get; }
    void Export(ExportSource source, ZipArchive zip);
    /// <summary>Reads the zip; 400 with a message when it does not follow this layout.</summary>
    ImportPlan Read(SafeZip zip);
}

public static class ZipText
{
    public static readonly string[] ImageExtensions = ["jpg", "jpeg", "png", "webp", "bmp", "gif"];

    public static bool IsImage(ZipItem item) => ImageExtensions.Contains(item.Extension.ToLowerInvariant());

    /// <summary>
    /// The entry's text (UTF-8; a byte order mark is kept so the bytes round-trip), decoded as it
    /// inflates and refused past the zip's limit of text (<see cref="ZipLimits.MaxTextBytes"/>).
    /// </summary>
    public static string Read(ZipItem item)
    {
        using var reader = new StreamReader(item.OpenText(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }

    /// <summary>Lines without their line ends; a final empty line (after the last "\n") is dropped.</summary>
    public static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
