using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>
    /// The csv layout (structured data): one .csv file at the folder's root, its first line the header (the version's
    /// columns), then one line per item, the item's <c>text</c>. A row is identified by its text: a changed row is a
    /// new item (and the old one, with -Delete, is removed). New rows go to the version's default split (its
    /// <c>default_split</c>, else its first split, else a new split "train"); splits and labels are not part of the
    /// layout and are left as they are.
    /// </summary>
    public sealed class CsvLayout : ISyncLayout
    {
        private const string Name = "csv";

        public DatasetFormat Format => DatasetFormat.Csv;
        public bool HasSplits => false;

        public LocalListing Read(SyncFolder folder, RemoteListing remote)
        {
            var csv = folder.Files.Where(f => f.Segments.Length == 1 && f.Extension == "csv").ToList();
            if (csv.Count != 1 || folder.Files.Count != 1)
                throw LayoutRules.Unsupported(Name, folder.Files.FirstOrDefault(f => f.Extension != "csv")?.RelativePath ?? folder.Root,
                    "the folder holds exactly one .csv file, at its root, and nothing else");
            var records = Records(folder.ReadText(csv[0])).Where(r => r.Length > 0).ToList();
            if (records.Count == 0) throw LayoutRules.Unsupported(Name, csv[0].RelativePath, "the file is empty; its first line is the header");
            var separator = DetectSeparator(records[0]);
            var listing = new LocalListing(Format) { Columns = new CsvColumns(SplitRecord(records[0], separator), separator.ToString()) };
            var split = DefaultSplit(remote);
            for (var row = 1; row < records.Count; row++)
            {
                var item = new LocalItem(records[row], "") { Text = records[row], Origin = $"{csv[0].RelativePath}, row {row}" };
                item.AddSplit(split);
                listing.Items.Add(item);
            }
            if (listing.Items.Count > 0) listing.AddSplit(split);
            return listing;
        }

        public bool Holds(LocalFile file) => file.Segments.Length == 1 && file.Extension == "csv";

        public string KeyOf(DatasetItem item) => item.Text;

        public string LabelsOf(LocalItem item) => "";

        public string LabelsOf(RemoteItem item, IReadOnlyList<string> splitsAfter) => "";

        public List<Annotation> Relabel(LocalItem local, RemoteItem remote, RemoteListing listing) =>
            remote.Annotations.Select(a => a.Annotation.DeepCopy()).ToList();

        public IReadOnlyList<DesiredFile> Render(RemoteListing remote, SyncFolder folder)
        {
            var name = folder.Files.Where(f => f.Segments.Length == 1 && f.Extension == "csv").Select(f => f.RelativePath).FirstOrDefault() ?? remote.DatasetVersionId + ".csv";
            var text = new StringBuilder();
            if (CsvColumns.FromConfig(remote.Version.Config) is CsvColumns columns) text.Append(columns.Header).Append('\n');
            foreach (var item in remote.Items.Where(i => i.Splits.Count > 0)) text.Append(item.Item.Text).Append('\n');
            return new[] { DesiredFile.TextFile(name, text.ToString()) };
        }

        /// <summary>The name of the version's default split, else of its first split, else "train" (created by the sync).</summary>
        private static string DefaultSplit(RemoteListing remote) =>
            remote.Splits.FirstOrDefault(s => s.Id == remote.Version.DefaultSplit)?.Name ?? remote.Splits.FirstOrDefault()?.Name ?? "train";

        private static char DetectSeparator(string header) =>
            new[] { ',', ';', '\t', '|' }.OrderByDescending(c => header.Count(h => h == c)).First();

        /// <summary>The fields of one CSV record, unquoted.</summary>
        private static List<string> SplitRecord(string record, char separator)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < record.Length; i++)
            {
                var c = record[i];
                if (c == '"' && quoted && i + 1 < record.Length && record[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == separator && !quoted) { fields.Add(field.ToString().Trim()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString().Trim());
            return fields;
        }

        /// <summary>The records of a CSV text: lines, except that a line break inside quotes stays in its record.</summary>
        private static IEnumerable<string> Records(string text)
        {
            var record = new StringBuilder();
            var quoted = false;
            foreach (var c in text)
            {
                if (c == '"') quoted = !quoted;
                if (c == '\n' && !quoted)
                {
                    yield return record.ToString().TrimEnd('\r');
                    record.Clear();
                    continue;
                }
                record.Append(c);
            }
            if (record.Length > 0) yield return record.ToString().TrimEnd('\r');
        }
    }
}
