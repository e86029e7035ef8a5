using System;
using System.IO;
using System.IO.Compression;

namespace SeeMe.Core.Files
{
    /// <summary>Extracting dataset zips safely and zipping folders for import.</summary>
    public static class ZipFolders
    {
        /// <summary>
        /// Extracts <paramref name="zipPath"/> into <paramref name="folder"/>, refusing any entry whose
        /// path would escape the folder ('../', absolute paths) before anything is written.
        /// </summary>
        public static void ExtractSafely(string zipPath, string folder, bool overwrite)
        {
            var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            using var archive = ZipFile.OpenRead(zipPath);
            foreach (var entry in archive.Entries) TargetOf(entry, root);
            foreach (var entry in archive.Entries)
            {
                var target = TargetOf(entry, root);
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal) || entry.FullName.EndsWith("\\", StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite);
            }
        }

        /// <summary>
        /// Zips the dataset files of <paramref name="folder"/> (paths relative to it, '/' separated), leaving out
        /// hidden entries such as the sync state folder .seeme/ (see <see cref="DatasetFolder"/>).
        /// </summary>
        public static void CreateFromFolder(string folder, string zipPath)
        {
            var root = Path.GetFullPath(folder);
            if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The folder '{root}' does not exist.");
            using var output = new FileStream(zipPath, FileMode.Create, FileAccess.Write);
            using var archive = new ZipArchive(output, ZipArchiveMode.Create);
            foreach (var file in DatasetFolder.Files(root))
                archive.CreateEntryFromFile(file, DatasetFolder.Relative(root, file), CompressionLevel.Fastest);
        }

        private static string TargetOf(ZipArchiveEntry entry, string root)
        {
            var name = entry.FullName.Replace('\\', '/');
            var target = Path.GetFullPath(Path.Combine(root, name));
            if (Path.IsPathRooted(name) || name.StartsWith("/", StringComparison.Ordinal) || !target.StartsWith(root, StringComparison.Ordinal))
                throw new InvalidDataException($"The zip entry '{entry.FullName}' points outside the destination folder; the archive was not extracted.");
            return target;
        }
    }
}
