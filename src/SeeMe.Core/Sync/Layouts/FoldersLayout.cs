using System;
using System.Collections.Generic;
using System.Linq;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>
    /// The folders layout (image and text classification): {split}/ per split, {split}/{label}/ per label holding
    /// that label's items, unlabelled items directly in the split folder; an image is name.ext, a text item
    /// name.txt holding its text. An item is its file's name without extension: the same file in several folders
    /// is one item in several splits or with several labels. Box annotations count only by their label.
    /// </summary>
    public sealed class FoldersLayout : ISyncLayout
    {
        private const string Name = "folders";

        public DatasetFormat Format => DatasetFormat.Folders;
        public bool HasSplits => true;

        public LocalListing Read(SyncFolder folder, RemoteListing remote)
        {
            var listing = new LocalListing(Format);
            foreach (var path in folder.Folders) AddFolder(listing, path);
            var byName = new Dictionary<string, LocalItem>(StringComparer.Ordinal);
            foreach (var file in folder.Files) AddFile(listing, byName, folder, file);
            return listing;
        }

        public bool Holds(LocalFile file) => file.Segments.Length is 2 or 3 && (file.Extension == "txt" || LayoutRules.IsImage(file));

        public string KeyOf(DatasetItem item) => item.Name;

        public string LabelsOf(LocalItem item) => LayoutRules.Signature(item.Annotations.Select(a => a.Split + "\t" + a.Label).Distinct());

        /// <summary>As an export places the item: in each of its splits, the labels of that split's annotations and of those in none of its splits.</summary>
        public string LabelsOf(RemoteItem item, IReadOnlyList<string> splitsAfter) => LayoutRules.Signature(item.Splits
            .SelectMany(split => LabelsIn(item, split).Select(label => LayoutRules.Follow(item.Splits, splitsAfter, split) + "\t" + label)).Distinct());

        public List<Annotation> Relabel(LocalItem local, RemoteItem remote, RemoteListing listing)
        {
            var wanted = new HashSet<(string Split, string Label)>(local.Annotations.Select(a => (a.Split, a.Label)));
            var covered = new HashSet<(string, string)>();
            var annotations = new List<Annotation>();
            foreach (var annotation in remote.Annotations)
            {
                var split = CountedIn(annotation, remote, local, wanted);
                if (split == null) continue;
                annotations.Add(listing.Kept(annotation, split));
                covered.Add((split, annotation.Label));
            }
            foreach (var (split, label) in wanted.Where(w => !covered.Contains(w)))
                annotations.Add(listing.NewAnnotation(new SyncAnnotation(label, split)));
            return annotations;
        }

        public IReadOnlyList<DesiredFile> Render(RemoteListing remote, SyncFolder folder)
        {
            var files = new List<DesiredFile>();
            var labelOrder = LabelOrder(remote);
            foreach (var split in remote.Splits)
            {
                var names = new Dictionary<string, ExportNames>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in remote.Items.Where(i => i.Splits.Contains(split.Name)))
                    files.AddRange(FilesOf(item, split.Name, labelOrder, names));
            }
            return files;
        }

        /// <summary>Each label name's place in the version's label order (by index).</summary>
        internal static Dictionary<string, int> LabelOrder(RemoteListing remote) =>
            remote.Labels.Select((label, place) => (label.Name, place)).GroupBy(l => l.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().place, StringComparer.Ordinal);

        private static IEnumerable<DesiredFile> FilesOf(RemoteItem item, string split, Dictionary<string, int> labelOrder, Dictionary<string, ExportNames> names)
        {
            var isText = !item.HasImage && item.Item.Text.Length > 0;
            if (!item.HasImage && !isText) yield break;
            var labels = LabelsIn(item, split).OrderBy(l => labelOrder[l]).ToList();
            var folders = labels.Count == 0 ? new List<string> { ExportNames.Segment(split) }
                : labels.Select(l => ExportNames.Segment(split) + "/" + ExportNames.Segment(l)).ToList();
            foreach (var path in folders)
            {
                var used = names.TryGetValue(path, out var n) ? n : names[path] = new ExportNames();
                var file = path + "/" + used.For(item.Item, isText ? "txt" : item.Item.Extension);
                yield return isText ? DesiredFile.TextFile(file, item.Item.Text, item) : DesiredFile.ImageOf(file, item);
            }
        }

        private static IEnumerable<string> LabelsIn(RemoteItem item, string split) => item.Annotations
            .Where(a => a.Label.Length > 0 && (a.Split == split || !item.Splits.Contains(a.Split)))
            .Select(a => a.Label).Distinct();

        /// <summary>The split a kept annotation counts in after the sync, or null when the folder no longer gives the item its label there.</summary>
        private static string? CountedIn(RemoteAnnotation annotation, RemoteItem remote, LocalItem local, HashSet<(string Split, string Label)> wanted)
        {
            var candidates = remote.Splits.Contains(annotation.Split)
                ? new[] { LayoutRules.Follow(remote.Splits, local.Splits, annotation.Split) }
                : local.Splits.ToArray(); // in none of the item's splits: it counts in each
            return candidates.FirstOrDefault(split => wanted.Contains((split, annotation.Label)));
        }

        private static void AddFolder(LocalListing listing, string path)
        {
            var segments = path.Split('/');
            if (segments.Length > 2) throw LayoutRules.Unsupported(Name, path + "/", "folders go at most two deep ({split}/{label}/)");
            listing.AddSplit(segments[0]);
            if (segments.Length == 2) listing.AddLabel(segments[1]);
        }

        private static void AddFile(LocalListing listing, Dictionary<string, LocalItem> byName, SyncFolder folder, LocalFile file)
        {
            var segments = file.Segments;
            if (segments.Length < 2 || segments.Length > 3) throw LayoutRules.Unsupported(Name, file.RelativePath, "files go in {split}/ or {split}/{label}/");
            var isText = file.Extension == "txt";
            if (!isText && !LayoutRules.IsImage(file))
                throw LayoutRules.Unsupported(Name, file.RelativePath, "only .jpg, .jpeg and .png images and .txt text items are synced");
            var item = ItemFor(listing, byName, folder, file, isText);
            item.AddSplit(segments[0]);
            item.Files.Add(file);
            if (segments.Length == 3) item.Annotations.Add(new SyncAnnotation(segments[1], segments[0]));
        }

        /// <summary>The item the file is (the same file seen in another folder is the same item); two different files of one name are refused.</summary>
        private static LocalItem ItemFor(LocalListing listing, Dictionary<string, LocalItem> byName, SyncFolder folder, LocalFile file, bool isText)
        {
            var text = isText ? folder.ReadText(file) : null;
            var hash = isText ? "" : folder.HashOf(file);
            if (byName.TryGetValue(file.Stem, out var seen))
            {
                if (seen.Text == text && seen.ImageHash == hash) return seen;
                throw LayoutRules.Unsupported(Name, file.RelativePath, $"it is named like '{seen.Path}' but differs from it; an item is named after its file " +
                                                                       "(without extension), so rename one of them");
            }
            var item = new LocalItem(file.Stem, file.Stem) { Image = isText ? null : file, ImageHash = hash, Text = text };
            byName[file.Stem] = item;
            listing.Items.Add(item);
            return item;
        }
    }
}
