using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// The csv layout (tabular data): {dataset_version_id}.csv at the root; its first line is the
/// header (the version's config <c>column_names</c> joined with <c>csv_separator</c>), then one line
/// per item: the item's <c>text</c>. On import the header becomes the version's config and every
/// line an item in the version's default split (its <c>default_split</c>, else its first split,
/// else a new split "train"); labels and splits are not part of this layout.
/// </summary>
public sealed class CsvFormat : IZipFormat
{
    public string Name => "csv";

    public void Export(ExportSource source, ZipArchive zip)
    {
        var (columns, separator) = Columns(source.Scope.Version.Str("config"));
        var text = new StringBuilder();
        if (columns.Count > 0) text.Append(string.Join(separator, columns.Select(c => Quote(c, separator)))).Append('\n');
        foreach (var item in source.ExportedItems()) text.Append(item.Doc.Str("text")).Append('\n');
        ExportSource.WriteText(zip, source.DatasetVersionId + ".csv", text.ToString());
    }

    public ImportPlan Read(SafeZip zip)
    {
        var files = zip.Files.ToList();
        var csv = files.Where(f => f.Segments.Length == 1 && f.Extension.Equals("csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (csv.Count != 1 || files.Count != 1) throw DomainException.Invalid("The zip does not follow the csv layout: it must hold exactly one .csv file, at its root.");
        var records = Records(ZipText.Read(csv[0])).Where(r => r.Length > 0).ToList();
        if (records.Count == 0) throw DomainException.Invalid("The csv file is empty; its first line must be the header.");

        var separator = DetectSeparator(records[0]);
        var columns = SplitRecord(records[0], separator);
        var plan = new ImportPlan
        {
            IntoDefaultSplit = true,
            Config = new JsonObject { ["column_names"] = string.Join(',', columns), ["csv_separator"] = separator.ToString() }.ToJsonString(),
        };
        foreach (var record in records.Skip(1)) plan.Items.Add(new PlannedItem("") { Text = record });
        return plan;
    }

    /// <summary>(column names, separator) of a version's config; no columns when it has none.</summary>
    public static (List<string> Columns, string Separator) Columns(string config)
    {
        if (config.Trim().Length == 0) return ([], ",");
        try
        {
            var node = JsonNode.Parse(config) as JsonObject;
            var separator = node?.Str("csv_separator") is { Length: > 0 } s ? s : ",";
            var names = node?.Str("column_names") ?? "";
            return (names.Length == 0 ? [] : names.Split(',').Select(n => n.Trim()).ToList(), separator);
        }
        catch (JsonException)
        {
            return ([], ",");
        }
    }

    private static char DetectSeparator(string header) =>
        new[] { ',', ';', '\t', '|' }.OrderByDescending(c => header.Count(h => h == c)).First();

    private static string Quote(string value, string separator) =>
        value.Contains(separator) || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

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
