using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// A tabular item as features: its <c>text</c> is one CSV line in the order of the version's config
    /// <c>column_names</c>, separated by <c>csv_separator</c> (default ","); quoted fields may hold the separator.
    /// </summary>
    internal static class StructuredRow
    {
        public sealed class Columns
        {
            public Columns(IReadOnlyList<string> names, char separator)
            {
                Names = names;
                Separator = separator;
            }

            public IReadOnlyList<string> Names { get; }
            public char Separator { get; }
        }

        /// <summary>The version's columns; a version without column_names cannot give rows (an ArgumentException says so).</summary>
        public static Columns ColumnsOf(DatasetVersion version)
        {
            var config = ConfigOf(version);
            var names = config?["column_names"] switch
            {
                JValue text when text.Type == JTokenType.String => ((string)text!).Split(','),
                JArray list => list.Select(n => n.ToString()).ToArray(),
                _ => Array.Empty<string>(),
            };
            names = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToArray();
            if (names.Length == 0)
                throw new ArgumentException($"The dataset version '{version.Name}' has no column_names in its config, so its items' text cannot be read as rows " +
                                            "(config {\"column_names\": \"a,b,c\", \"csv_separator\": \",\"}, as a csv import sets it).");
            var separator = (string?)config?["csv_separator"] is { Length: 1 } s ? s[0] : ',';
            return new Columns(names, separator);
        }

        /// <summary>The item's features, column name → value as written.</summary>
        public static Dictionary<string, string> Parse(DatasetItem item, Columns columns)
        {
            var fields = Fields(item.Text, columns.Separator);
            if (fields.Count != columns.Names.Count)
                throw new InvalidDataException($"The item {EvaluationItem.Describe(item)} has {fields.Count} values in its text, but the dataset's columns are " +
                                               $"{columns.Names.Count} ({string.Join(", ", columns.Names)}).");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++) row[columns.Names[i]] = fields[i];
            return row;
        }

        private static JObject? ConfigOf(DatasetVersion version)
        {
            if (string.IsNullOrWhiteSpace(version.Config)) return null;
            try
            {
                return JToken.Parse(version.Config) as JObject;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        /// <summary>The fields of one CSV line, unquoted ("" inside quotes is one quote) and trimmed.</summary>
        private static List<string> Fields(string line, char separator)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == separator && !quoted) { fields.Add(field.ToString().Trim()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString().Trim());
            return fields;
        }
    }
}
