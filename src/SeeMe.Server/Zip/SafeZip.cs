using System.IO.Compression;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Zip;

/// <summary>One entry of an uploaded zip: its path with '/' separators (no "." segments), and whether it is a folder.</summary>
public sealed record ZipItem(string Path, bool IsFolder, ZipArchiveEntry Entry, ZipBudget Budget)
{
    public string[] Segments => Path.Split('/');
    public string FileName => Segments[^1];
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(FileName);
    public string Extension => System.IO.Path.GetExtension(FileName).TrimStart('.');

    /// <summary>The inflated bytes, counted against the zip's limits (400 once a limit is passed).</summary>
    public Stream Open() => Budget.Open(this, isText: false);

    /// <summary>As <see cref="Open"/>, also counted against the limit of text read into memory.</summary>
    public Stream OpenText() => Budget.Open(this, isText: true);
}

/// <summary>
/// An uploaded zip opened for import: 400 when it is not a zip, and 400 (before anything is read)
/// when any entry would escape the target folder (a ".." segment, an absolute or drive-rooted path)
/// or when the declared sizes pass the <see cref="ZipLimits"/>.
/// System clutter (__MACOSX/, .DS_Store, Thumbs.db) is skipped.
/// </summary>
public sealed class SafeZip : IDisposable
{
    private readonly ZipArchive _archive;

    private SafeZip(ZipArchive archive, List<ZipItem> items)
    {
        _archive = archive;
        Items = items;
    }

    public IReadOnlyList<ZipItem> Items { get; }
    public IEnumerable<ZipItem> Files => Items.Where(i => !i.IsFolder);

    public static SafeZip Open(string path, ZipLimits limits)
    {
        var stream = File.OpenRead(path);
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read); }
        catch (InvalidDataException) { stream.Dispose(); throw DomainException.Invalid("The uploaded file is not a zip archive."); }
        try
        {
            var budget = new ZipBudget(limits);
            var items = archive.Entries.Select(e => Check(e, budget)).Where(i => i is not null && !IsClutter(i.Path)).Select(i => i!).ToList();
            budget.CheckDeclared(items);
            return new SafeZip(archive, items);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    public void Dispose() => _archive.Dispose();

    private static ZipItem? Check(ZipArchiveEntry entry, ZipBudget budget)
    {
        var raw = entry.FullName.Replace('\\', '/');
        var segments = raw.Split('/');
        if (raw.StartsWith('/') || (raw.Length > 1 && char.IsAsciiLetter(raw[0]) && raw[1] == ':') || segments.Contains(".."))
            throw DomainException.Invalid($"The zip entry '{entry.FullName}' points outside the archive's folder; refused (nothing was imported).");
        var parts = segments.Where(s => s.Length > 0 && s != ".").ToArray();
        if (parts.Length == 0) return null;
        return new ZipItem(string.Join('/', parts), raw.EndsWith('/'), entry, budget);
    }

    private static bool IsClutter(string path) =>
        path.StartsWith("__MACOSX/", StringComparison.Ordinal) || path == "__MACOSX"
        || path.Split('/')[^1] is ".DS_Store" or "Thumbs.db" or "desktop.ini";
}
