using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SeeMe.Core.Files
{
    /// <summary>
    /// What of a folder belongs to a dataset: every file and folder except hidden ones (a name that starts with
    /// '.', such as the sync state folder .seeme/, .git/ or a download's .partial file) and system clutter
    /// (__MACOSX/, Thumbs.db, desktop.ini). Import zips the same entries that Sync reads.
    /// </summary>
    public static class DatasetFolder
    {
        private static readonly string[] Clutter = { "__MACOSX", "Thumbs.db", "desktop.ini" };

        /// <summary>True for a hidden or clutter name (one path segment).</summary>
        public static bool IsIgnored(string name) =>
            name.StartsWith(".", StringComparison.Ordinal) || Clutter.Contains(name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The dataset's files under <paramref name="root"/>, as full paths, in ordinal order of their relative paths.</summary>
        public static IEnumerable<string> Files(string root) => Walk(root, directories: false);

        /// <summary>The dataset's folders under <paramref name="root"/> (not the root), as full paths, in ordinal order.</summary>
        public static IEnumerable<string> Folders(string root) => Walk(root, directories: true);

        /// <summary><paramref name="fullPath"/> relative to <paramref name="root"/>, with '/' separators.</summary>
        public static string Relative(string root, string fullPath) =>
            fullPath.Substring(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Length)
                .TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');

        private static IEnumerable<string> Walk(string folder, bool directories)
        {
            foreach (var directory in Directory.EnumerateDirectories(folder).Where(d => !IsIgnored(Path.GetFileName(d))).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (directories) yield return directory;
                foreach (var inner in Walk(directory, directories)) yield return inner;
            }
            if (directories) yield break;
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => !IsIgnored(Path.GetFileName(f))).OrderBy(f => f, StringComparer.Ordinal))
                yield return file;
        }
    }
}
