using System;
using System.IO;
using System.Text;

namespace SeeMe.Core.Evaluation
{
    /// <summary>Writes a result as the report its file's extension names: .json, .xml (JUnit), .md or .html.</summary>
    public static class EvaluationReports
    {
        /// <summary>The extensions understood, with their dots.</summary>
        public static string[] Extensions => new[] { ".json", ".xml", ".md", ".html" };

        /// <summary>A new writer for a path's extension (any case); an ArgumentException naming the four for any other, so a caller can check paths before evaluating.</summary>
        public static EvaluationReport For(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A report path is required.", nameof(path));
            var extension = Path.GetExtension(path);
            var format = Create(extension.ToLowerInvariant());
            if (format == null)
                throw new ArgumentException($"The report '{Path.GetFileName(path)}' has no known extension: use .json (every number), .xml (JUnit), .md (Markdown summary) or .html (a page to look at).", nameof(path));
            return format;
        }

        /// <summary>
        /// Writes the report, creating its folder if needed: first to a temporary file beside it, then moved into place,
        /// so a reader never sees half a report and a failure leaves the previous one as it was. UTF-8 without BOM.
        /// </summary>
        public static void Write(EvaluationResult result, string path) => Write(result, path, For(path));

        public static void Write(EvaluationResult result, string path, EvaluationReport format)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            if (format == null) throw new ArgumentNullException(nameof(format));
            var target = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var writer = new StreamWriter(temporary, append: false, encoding: new UTF8Encoding(false)))
                {
                    writer.NewLine = "\n";
                    format.Write(result, writer);
                }
                MoveIntoPlace(temporary, target);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static EvaluationReport? Create(string extension)
        {
            switch (extension)
            {
                case ".json": return new JsonEvaluationReport();
                case ".xml": return new JUnitEvaluationReport();
                case ".md": return new MarkdownEvaluationReport();
                case ".html": return new HtmlEvaluationReport();
                default: return null;
            }
        }

        private static void MoveIntoPlace(string temporary, string target)
        {
            if (File.Exists(target)) File.Replace(temporary, target, null);
            else File.Move(temporary, target);
        }
    }
}
