using System.IO.Compression;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// The folders layout: {split}/ per split, {split}/{label}/ per label holding that label's items,
/// unlabelled items directly in the split folder; an image is name.ext (id.ext when the name is
/// empty or taken), a text item is name.txt holding its text. Every split and label folder is
/// written (also when empty), so import recreates them in the same order.
/// On import, the same file (name, size, CRC) found in several folders is one item with several
/// splits and labels; other files are separate items named after the file.
/// </summary>
public sealed class FoldersFormat : IZipFormat
{
    public string Name => "folders";

    public void Export(ExportSource source, ZipArchive zip)
    {
        foreach (var split in source.Splits)
        {
            var splitPath = ExportSource.Segment(split.Str("name"));
            ExportSource.WriteFolder(zip, splitPath);
            foreach (var label in source.Labels) ExportSource.WriteFolder(zip, splitPath + "/" + ExportSource.Segment(label.Str("name")));
            var names = new Dictionary<string, FileNames>();
            foreach (var item in source.ItemsIn(split)) WriteItem(source, zip, split, splitPath, item, names);
        }
    }

    private static void WriteItem(ExportSource source, ZipArchive zip, JsonObject split, string splitPath, ExportItem exported, Dictionary<string, FileNames> names)
    {
        var item = exported.Doc;
        var image = source.HasImage(item);
        if (!image && !source.IsText(item)) return;
        var labels = source.LabelsIn(exported, split);
        List<string> folders = labels.Count == 0 ? [splitPath] : labels.Select(l => splitPath + "/" + ExportSource.Segment(l.Str("name"))).ToList();
        foreach (var folder in folders)
        {
            var used = names.TryGetValue(folder, out var n) ? n : names[folder] = new FileNames();
            var path = folder + "/" + used.For(item, image ? item.Str("extension") : "txt");
            if (image) source.WriteImage(zip, path, item);
            else ExportSource.WriteText(zip, path, item.Str("text"));
        }
    }

    public ImportPlan Read(SafeZip zip)
    {
        var plan = new ImportPlan();
        var byFile = new Dictionary<(string, long, uint), PlannedItem>();
        foreach (var entry in zip.Items)
        {
            var segments = entry.Segments;
            if (entry.IsFolder) ReadFolder(plan, entry, segments);
            else ReadFile(plan, byFile, entry, segments);
        }
        return plan;
    }

    private static void ReadFolder(ImportPlan plan, ZipItem entry, string[] segments)
    {
        if (segments.Length > 2) throw Unsupported(entry, "folders go at most two deep ({split}/{label}/)");
        plan.AddSplit(segments[0]);
        if (segments.Length == 2) plan.AddLabel(segments[1]);
    }

    private static void ReadFile(ImportPlan plan, Dictionary<(string, long, uint), PlannedItem> byFile, ZipItem entry, string[] segments)
    {
        if (segments.Length is < 2 or > 3) throw Unsupported(entry, "files go in {split}/ or {split}/{label}/");
        var isText = entry.Extension.Equals("txt", StringComparison.OrdinalIgnoreCase);
        if (!isText && !ZipText.IsImage(entry)) throw Unsupported(entry, "only images (jpg, png, webp, bmp, gif) and .txt text items are imported");
        var split = segments[0];
        plan.AddSplit(split);
        var key = (entry.FileName, entry.Entry.Length, entry.Entry.Crc32);
        if (!byFile.TryGetValue(key, out var item))
        {
            item = isText ? new PlannedItem(entry.Stem) { Text = ZipText.Read(entry) } : new PlannedItem(entry.Stem) { Extension = entry.Extension, Image = entry };
            byFile[key] = item;
            plan.Items.Add(item);
        }
        if (!item.Splits.Contains(split)) item.Splits.Add(split);
        if (segments.Length < 3) return;
        plan.AddLabel(segments[1]);
        item.Annotations.Add(new PlannedAnnotation(segments[1], "", split));
    }

    private static DomainException Unsupported(ZipItem entry, string rule) =>
        DomainException.Invalid($"The zip does not follow the folders layout at '{entry.Path}': {rule}.");
}
