using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// The YOLO layout, every file at the zip's root: {split}.txt per split listing its image file
/// names; per image the image and {stem}.txt with one "label_index x_center y_center width height"
/// line per box; {dataset_version_id}.names with one label name per line (line number = index);
/// config.json {"labels": [{"index", "name", "color"}]}. A .txt whose stem is an image's is that
/// image's boxes, any other .txt is a split list. Classification annotations (no box) are not written.
/// </summary>
public sealed class YoloFormat : IZipFormat
{
    public const string ConfigFile = "config.json";

    public string Name => "yolo";

    public void Export(ExportSource source, ZipArchive zip)
    {
        var names = new FileNames(byStem: true);
        foreach (var split in source.Splits) names.Reserve(ExportSource.Segment(split.Str("name")));
        names.Reserve(source.DatasetVersionId);
        names.Reserve("config");
        var files = source.ExportedItems().Select(i => i.Doc).Where(source.HasImage).ToDictionary(i => i.Str("id"), i => names.For(i, i.Str("extension")));

        foreach (var split in source.Splits)
        {
            var listed = source.ItemsIn(split).Select(i => files.GetValueOrDefault(i.Doc.Str("id"))).OfType<string>().Select(file => file + "\n");
            ExportSource.WriteText(zip, ExportSource.Segment(split.Str("name")) + ".txt", string.Concat(listed));
        }
        foreach (var item in source.ExportedItems())
        {
            if (!files.TryGetValue(item.Doc.Str("id"), out var file)) continue;
            source.WriteImage(zip, file, item.Doc);
            ExportSource.WriteText(zip, Path.GetFileNameWithoutExtension(file) + ".txt", Boxes(source, item));
        }
        ExportSource.WriteText(zip, source.DatasetVersionId + ".names", string.Concat(source.Labels.Select(l => l.Str("name") + "\n")));
        ExportSource.WriteText(zip, ConfigFile, Config(source.Labels));
    }

    private static string Boxes(ExportSource source, ExportItem item) => string.Concat(item.Annotations
        .Where(a => a.Str("coordinates").Length > 0 && source.LabelsById.ContainsKey(a.Str("label_id")))
        .Select(a => $"{(int?)source.LabelsById[a.Str("label_id")]["index"] ?? 0} {a.Str("coordinates")}\n"));

    private static string Config(List<JsonObject> labels)
    {
        var list = labels.Select(l => (JsonNode)new JsonObject { ["index"] = (int?)l["index"] ?? 0, ["name"] = l.Str("name"), ["color"] = l.Str("color") });
        return new JsonObject { ["labels"] = new JsonArray(list.ToArray()) }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public ImportPlan Read(SafeZip zip)
    {
        var nested = zip.Items.FirstOrDefault(i => i.Segments.Length > 1 || i.IsFolder);
        if (nested is not null) throw Unsupported($"'{nested.Path}' is in a folder; every file goes at the zip's root");
        var files = zip.Files.ToList();
        var images = files.Where(ZipText.IsImage).ToDictionary(i => i.FileName, StringComparer.Ordinal);
        var imageStems = images.Values.GroupBy(i => i.Stem).ToDictionary(g => g.Key, g => g.First());
        var plan = new ImportPlan();
        var labelNames = ReadLabels(plan, files);
        var items = images.Values.ToDictionary(i => i.FileName, i => new PlannedItem(i.Stem) { Extension = i.Extension, Image = i });
        plan.Items.AddRange(items.Values);

        foreach (var text in files.Where(f => f.Extension.Equals("txt", StringComparison.OrdinalIgnoreCase)))
        {
            if (imageStems.TryGetValue(text.Stem, out var image)) ReadBoxes(plan, items[image.FileName], text, labelNames);
            else ReadSplitList(plan, items, text);
        }
        var stray = files.FirstOrDefault(f => !ZipText.IsImage(f) && f.Extension.ToLowerInvariant() is not ("txt" or "names") && f.FileName != ConfigFile);
        if (stray is not null) throw Unsupported($"'{stray.Path}' is neither an image, a .txt, the .names file nor config.json");
        return plan;
    }

    private static List<string> ReadLabels(ImportPlan plan, List<ZipItem> files)
    {
        var namesFiles = files.Where(f => f.Extension == "names").ToList();
        if (namesFiles.Count > 1) throw Unsupported("it holds more than one .names file");
        var names = namesFiles.Count == 0 ? [] : ZipText.Lines(ZipText.Read(namesFiles[0])).Select(n => n.Trim()).ToList();
        if (names.Any(n => n.Length == 0)) throw Unsupported("the .names file has an empty line");
        var colors = ReadColors(files.FirstOrDefault(f => f.FileName == ConfigFile));
        foreach (var name in names) plan.AddLabel(name, colors.GetValueOrDefault(name, ""));
        return names;
    }

    private static Dictionary<string, string> ReadColors(ZipItem? config)
    {
        if (config is null) return [];
        try
        {
            var labels = JsonNode.Parse(ZipText.Read(config))?["labels"] as JsonArray ?? [];
            return labels.OfType<JsonObject>().Where(l => l.Str("name").Length > 0)
                .GroupBy(l => l.Str("name")).ToDictionary(g => g.Key, g => g.First().Str("color"));
        }
        catch (JsonException e)
        {
            throw Unsupported($"config.json is not valid JSON ({e.Message})");
        }
    }

    private static void ReadBoxes(ImportPlan plan, PlannedItem item, ZipItem text, List<string> labelNames)
    {
        foreach (var line in ZipText.Lines(ZipText.Read(text)).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 5 || !int.TryParse(parts[0], out var index) || index < 0 || index >= labelNames.Count)
                throw Unsupported($"'{text.Path}' has the line '{line}'; expected 'label_index x_center y_center width height' with a label index of the .names file");
            plan.AddLabel(labelNames[index]);
            item.Annotations.Add(new PlannedAnnotation(labelNames[index], string.Join(' ', parts[1..]), ""));
        }
    }

    private static void ReadSplitList(ImportPlan plan, Dictionary<string, PlannedItem> items, ZipItem list)
    {
        var split = list.Stem;
        plan.AddSplit(split);
        foreach (var line in ZipText.Lines(ZipText.Read(list)).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (!items.TryGetValue(Path.GetFileName(line.Replace('\\', '/')), out var item))
                throw Unsupported($"'{list.Path}' lists '{line}', which is not an image in the zip");
            if (!item.Splits.Contains(split)) item.Splits.Add(split);
        }
    }

    private static DomainException Unsupported(string problem) =>
        DomainException.Invalid($"The zip does not follow the yolo layout: {problem}.");
}
