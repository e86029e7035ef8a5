using System;
using System.IO;

namespace SeeMe.Core.Files
{
    /// <summary>Checks and names for files on the caller's disk.</summary>
    public static class LocalFiles
    {
        /// <summary>The full path of an existing file; fails before any upload when it is missing.</summary>
        public static string RequireFile(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A file path is required.", nameof(path));
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"The file '{full}' does not exist.", full);
            return full;
        }

        /// <summary>The content type of a logo or item image by extension; only jpg, jpeg and png are accepted.</summary>
        public static string ImageContentType(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".jpg": return "image/jpg";
                case ".jpeg": return "image/jpeg";
                case ".png": return "image/png";
                default: throw new ArgumentException($"'{Path.GetFileName(path)}' is not a .jpg, .jpeg or .png image.", nameof(path));
            }
        }

        /// <summary>
        /// Reduces a server-given name to a bare file name (no folders, no '..'), so that a download
        /// can never write outside the chosen folder.
        /// </summary>
        public static string SafeFileName(string? serverName, string fallback)
        {
            var parts = (serverName ?? "").Replace('\\', '/').Split('/');
            var name = parts[parts.Length - 1];
            foreach (var invalid in Path.GetInvalidFileNameChars()) name = name.Replace(invalid, '_');
            return string.IsNullOrWhiteSpace(name) || name == "." || name == ".." ? fallback : name;
        }
    }
}
