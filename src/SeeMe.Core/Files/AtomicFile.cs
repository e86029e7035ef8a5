using System;
using System.IO;
using System.Text;

namespace SeeMe.Core.Files
{
    /// <summary>Writes a file all at once: a hidden temporary file beside it, moved over it when complete, so a reader (or a crash) never sees half of it.</summary>
    public static class AtomicFile
    {
        public static void WriteAllText(string path, string text)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                File.WriteAllText(temp, text, new UTF8Encoding(false));
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
