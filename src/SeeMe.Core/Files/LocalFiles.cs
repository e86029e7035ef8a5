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
        /// The full path of an item image or logo that the service will take: it exists, is not empty, and its
        /// first bytes are the picture its extension promises (PNG or JPEG). Checked before anything is created.
        /// </summary>
        public static string RequireImage(string? path)
        {
            var full = RequireFile(path);
            var contentType = ImageContentType(full);
            var head = new byte[4];
            int read;
            using (var file = File.OpenRead(full)) read = file.Read(head, 0, head.Length);
            var name = Path.GetFileName(full);
            if (read == 0) throw new InvalidDataException($"'{name}' is empty. Give a .png or .jpg picture.");
            var png = read == 4 && head[0] == 0x89 && head[1] == (byte)'P' && head[2] == (byte)'N' && head[3] == (byte)'G';
            var jpeg = read >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
            if (contentType == "image/png" ? !png : !jpeg)
                throw new InvalidDataException($"'{name}' is not a {(contentType == "image/png" ? "PNG" : "JPEG")} picture (its content does not start like one). " +
                    "Give a .png or .jpg picture, or fix the file's extension.");
            return full;
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
