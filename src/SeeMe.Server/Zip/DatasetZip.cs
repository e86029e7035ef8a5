using System.IO.Compression;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// Export and import of a dataset version as a zip. Default export format: csv for tabular
/// datasets, yolo when the version has box annotations, folders otherwise. An import without a
/// format in the path recognises the layout: a root .csv → csv, a root .names → yolo, else folders.
/// </summary>
public static class DatasetZip
{
    private static readonly IZipFormat[] Formats = [new FoldersFormat(), new YoloFormat(), new CsvFormat()];

    public static IZipFormat Find(string name) =>
        Formats.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw DomainException.Invalid($"Unknown dataset format '{name}'; use one of {string.Join(", ", Formats.Select(f => f.Name))}.");

    public static IZipFormat DefaultFor(VersionScope scope)
    {
        if (scope.Dataset.Str("content_type") == "tabular") return Find("csv");
        return scope.Store.HasBoxAnnotations(scope.DatasetVersionId) ? Find("yolo") : Find("folders");
    }

    /// <summary>Writes the export to a temp file and returns it, opened to be deleted when the reply is sent.</summary>
    public static FileStream Export(VersionScope scope, string? splitId, string? format)
    {
        var source = new ExportSource(scope, splitId);
        var writer = string.IsNullOrEmpty(format) ? DefaultFor(scope) : Find(format);
        var path = scope.Files.NewTempPath();
        try
        {
            using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
                writer.Export(source, zip);
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Imports a zip (on disk) into the version, all or nothing, within the <paramref name="limits"/>.</summary>
    public static void Import(VersionScope scope, string zipPath, string? format, ZipLimits limits)
    {
        var reader = string.IsNullOrEmpty(format) ? null : Find(format);
        using var zip = SafeZip.Open(zipPath, limits);
        try
        {
            var plan = (reader ?? Detect(zip)).Read(zip);
            new ImportWriter(scope).Apply(plan);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw DomainException.Invalid("The zip archive is damaged or uses an unsupported compression: " + e.Message);
        }
    }

    private static IZipFormat Detect(SafeZip zip)
    {
        var root = zip.Files.Where(f => f.Segments.Length == 1).ToList();
        if (root.Any(f => f.Extension.Equals("csv", StringComparison.OrdinalIgnoreCase))) return Find("csv");
        return root.Any(f => f.Extension == "names") ? Find("yolo") : Find("folders");
    }
}
