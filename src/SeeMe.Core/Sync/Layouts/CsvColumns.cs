using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SeeMe.Core.Sync.Layouts
{
    /// <summary>The columns of a structured (csv) version: its <c>config</c> {"column_names": "a,b,c", "csv_separator": ","}, and the csv header.</summary>
    public sealed class CsvColumns
    {
        public CsvColumns(IReadOnlyList<string> names, string separator)
        {
            Names = names;
            Separator = separator;
        }

        public IReadOnlyList<string> Names { get; }
        public string Separator { get; }

        /// <summary>The header line, each name quoted when it holds the separator or a quote.</summary>
        public string Header => string.Join(Separator, Names.Select(Quote));

        /// <summary>The columns of a version's config; null when it names none (or is not JSON).</summary>
        public static CsvColumns? FromConfig(string? config)
        {
            if (string.IsNullOrWhiteSpace(config)) return null;
            try
            {
                var node = JObject.Parse(config!);
                var names = (string?)node["column_names"] ?? "";
                var separator = (string?)node["csv_separator"] is string s && s.Length > 0 ? s : ",";
                return names.Length == 0 ? null : new CsvColumns(names.Split(',').Select(n => n.Trim()).ToList(), separator);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public string ToConfig() => new JObject { ["column_names"] = string.Join(",", Names), ["csv_separator"] = Separator }.ToString(Formatting.None);

        public bool SameAs(CsvColumns? other) => other != null && other.Separator == Separator && other.Names.SequenceEqual(Names, StringComparer.Ordinal);

        private string Quote(string value) =>
            value.Contains(Separator) || value.Contains("\"") ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
