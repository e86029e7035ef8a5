using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>
    /// The YOLO layout (object detection), every file at the folder's root: {split}.txt per split listing its image
    /// file names; per image the image and {stem}.txt with one "label_index x_center y_center width height" line per
    /// box; one .names file with a label name per line (line number = label index); config.json with the labels'
    /// colours. An item is its image's name without extension; its boxes count in its first split. Classification
    /// annotations (no box) are not part of the layout and are left as they are.
    /// </summary>
    public sealed class YoloLayout : ISyncLayout
    {
        private const string Name = "yolo";
        private const string ConfigFile = "config.json";

        public DatasetFormat Format => DatasetFormat.Yolo;
        public bool HasSplits => true;

        public LocalListing Read(SyncFolder folder, RemoteListing remote)
        {
            var nested = folder.Files.FirstOrDefault(f => f.Segments.Length > 1);
            if (nested != null) throw LayoutRules.Unsupported(Name, nested.RelativePath, "every file goes at the folder's root");
            var listing = new LocalListing(Format);
            var labels = ReadLabels(listing, folder);
            var images = ReadImages(listing, folder);
            var texts = folder.Files.Where(f => f.Extension == "txt").ToList();
            var byFileName = images.Values.ToDictionary(i => i.Image!.FileName, StringComparer.Ordinal);
            foreach (var list in texts.Where(t => !images.ContainsKey(t.Stem))) ReadSplitList(listing, folder, list, byFileName);
            foreach (var boxes in texts.Where(t => images.ContainsKey(t.Stem))) ReadBoxes(folder, boxes, images[boxes.Stem], labels);
            return listing;
        }

        public bool Holds(LocalFile file) =>
            file.Segments.Length == 1 && (file.Extension == "txt" || file.Extension == "names" || file.FileName == ConfigFile || LayoutRules.IsImage(file));

        public string KeyOf(DatasetItem item) => item.Name;

        public string LabelsOf(LocalItem item) => LayoutRules.Signature(item.Annotations.Where(a => a.IsBox).Select(a => a.Label + "\t" + a.Coordinates));

        public string LabelsOf(RemoteItem item, IReadOnlyList<string> splitsAfter) => LayoutRules.Signature(item.Annotations.Where(a => a.IsBox && a.Label.Length > 0).Select(a => a.Label + "\t" + a.Coordinates));

        public List<Annotation> Relabel(LocalItem local, RemoteItem remote, RemoteListing listing)
        {
            var wanted = local.Annotations.Where(a => a.IsBox).ToList();
            var first = local.Splits.FirstOrDefault() ?? "";
            var annotations = new List<Annotation>();
            foreach (var annotation in remote.Annotations)
            {
                var split = LayoutRules.Follow(remote.Splits, local.Splits, annotation.Split);
                if (!local.Splits.Contains(split)) split = first;
                if (annotation.IsBox && !TakeBox(wanted, annotation)) continue;
                annotations.Add(listing.Kept(annotation, split));
            }
            annotations.AddRange(wanted.Select(w => listing.NewAnnotation(new SyncAnnotation(w.Label, first, w.Coordinates))));
            return annotations;
        }

        public IReadOnlyList<DesiredFile> Render(RemoteListing remote, SyncFolder folder)
        {
            var namesFile = folder.Files.FirstOrDefault(f => f.Extension == "names")?.RelativePath ?? remote.DatasetVersionId + ".names";
            var names = new ExportNames(byStem: true);
            foreach (var split in remote.Splits) names.Reserve(ExportNames.Segment(split.Name));
            names.Reserve(System.IO.Path.GetFileNameWithoutExtension(namesFile));
            names.Reserve("config");
            var exported = remote.Items.Where(i => i.HasImage && i.Splits.Count > 0).ToList();
            var fileOf = exported.ToDictionary(i => i.Id, i => names.For(i.Item, i.Item.Extension));
            var labelPlace = FoldersLayout.LabelOrder(remote);

            var files = remote.Splits.Select(split => DesiredFile.TextFile(ExportNames.Segment(split.Name) + ".txt",
                string.Concat(exported.Where(i => i.Splits.Contains(split.Name)).Select(i => fileOf[i.Id] + "\n")))).ToList();
            foreach (var item in exported)
            {
                files.Add(DesiredFile.ImageOf(fileOf[item.Id], item));
                files.Add(DesiredFile.TextFile(System.IO.Path.GetFileNameWithoutExtension(fileOf[item.Id]) + ".txt", BoxLines(item, labelPlace)));
            }
            files.Add(DesiredFile.TextFile(namesFile, string.Concat(remote.Labels.Select(l => l.Name + "\n"))));
            files.Add(DesiredFile.TextFile(ConfigFile, Config(remote.Labels)));
            return files;
        }

        private static bool TakeBox(List<SyncAnnotation> wanted, RemoteAnnotation box)
        {
            var index = wanted.FindIndex(w => w.Label == box.Label && w.Coordinates == box.Coordinates);
            if (index < 0) return false;
            wanted.RemoveAt(index);
            return true;
        }

        private static string BoxLines(RemoteItem item, Dictionary<string, int> labelPlace) => string.Concat(item.Annotations
            .Where(a => a.IsBox && labelPlace.ContainsKey(a.Label))
            .Select(a => labelPlace[a.Label].ToString(CultureInfo.InvariantCulture) + " " + a.Coordinates + "\n"));

        private static string Config(IEnumerable<DatasetLabel> labels) =>
            new JObject { ["labels"] = new JArray(labels.Select((l, place) => new JObject { ["index"] = place, ["name"] = l.Name, ["color"] = l.Color })) }
                .ToString(Formatting.Indented);

        private static Dictionary<string, LocalItem> ReadImages(LocalListing listing, SyncFolder folder)
        {
            var images = new Dictionary<string, LocalItem>(StringComparer.Ordinal);
            foreach (var file in folder.Files.Where(f => f.Extension != "txt" && f.Extension != "names" && f.FileName != ConfigFile))
            {
                if (!LayoutRules.IsImage(file)) throw LayoutRules.Unsupported(Name, file.RelativePath, "only .jpg, .jpeg and .png images, .txt files, one .names file and config.json belong here");
                if (images.TryGetValue(file.Stem, out var seen))
                    throw LayoutRules.Unsupported(Name, file.RelativePath, $"'{seen.Path}' has the same name; an item is named after its image (without extension), so rename one of them");
                var item = new LocalItem(file.Stem, file.Stem) { Image = file, ImageHash = folder.HashOf(file) };
                item.Files.Add(file);
                images[file.Stem] = item;
                listing.Items.Add(item);
            }
            return images;
        }

        private static List<string> ReadLabels(LocalListing listing, SyncFolder folder)
        {
            var namesFiles = folder.Files.Where(f => f.Extension == "names").ToList();
            if (namesFiles.Count > 1) throw LayoutRules.Unsupported(Name, namesFiles[1].RelativePath, $"there is one .names file, and '{namesFiles[0].RelativePath}' is another");
            var names = namesFiles.Count == 0 ? new List<string>() : Lines(folder.ReadText(namesFiles[0])).Select(n => n.Trim()).ToList();
            if (names.Any(n => n.Length == 0)) throw LayoutRules.Unsupported(Name, namesFiles[0].RelativePath, "it has an empty line; each line names a label");
            var colors = ReadColors(folder);
            foreach (var name in names) listing.AddLabel(name, colors.TryGetValue(name, out var color) ? color : "");
            return names;
        }

        private static Dictionary<string, string> ReadColors(SyncFolder folder)
        {
            var config = folder.Files.FirstOrDefault(f => f.FileName == ConfigFile);
            if (config == null) return new Dictionary<string, string>();
            try
            {
                var labels = JObject.Parse(folder.ReadText(config))["labels"] as JArray ?? new JArray();
                return labels.OfType<JObject>().Select(l => (Name: (string?)l["name"] ?? "", Color: (string?)l["color"] ?? ""))
                    .Where(l => l.Name.Length > 0).GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.First().Color);
            }
            catch (JsonException e)
            {
                throw LayoutRules.Unsupported(Name, config.RelativePath, $"it is not valid JSON ({e.Message})");
            }
        }

        private static void ReadSplitList(LocalListing listing, SyncFolder folder, LocalFile list, Dictionary<string, LocalItem> byFileName)
        {
            listing.AddSplit(list.Stem);
            foreach (var line in Lines(folder.ReadText(list)).Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var item = byFileName.TryGetValue(System.IO.Path.GetFileName(line.Replace('\\', '/')), out var listed) ? listed
                           : throw LayoutRules.Unsupported(Name, list.RelativePath, $"it lists '{line}', which is not an image in the folder");
                item.AddSplit(list.Stem);
            }
        }

        private static void ReadBoxes(SyncFolder folder, LocalFile boxes, LocalItem item, List<string> labels)
        {
            foreach (var line in Lines(folder.ReadText(boxes)).Where(l => l.Trim().Length > 0))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 5 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= labels.Count)
                    throw LayoutRules.Unsupported(Name, boxes.RelativePath, $"it has the line '{line}'; a line is 'label_index x_center y_center width height' with a label index of the .names file");
                item.Annotations.Add(new SyncAnnotation(labels[index], item.Splits.FirstOrDefault() ?? "", string.Join(" ", parts.Skip(1))));
            }
        }

        /// <summary>Lines without their line ends; a final empty line (after the last "\n") is dropped.</summary>
        private static List<string> Lines(string text)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines;
        }
    }
}
