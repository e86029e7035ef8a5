using System;
using System.IO;
using SeeMe.Core.Files;

namespace SeeMe.PowerShell
{
    /// <summary>The image of Set-SeeMe*Logo: one existing .jpg/.jpeg/.png file, checked before any upload.</summary>
    internal static class LogoFile
    {
        /// <summary>The full path, or null after writing the error (missing file, several matches, wrong extension).</summary>
        public static string? Resolve(SeeMeCmdlet cmdlet, string path, bool literal)
        {
            try
            {
                var files = ProviderPaths.ResolveFiles(cmdlet, path, literal);
                if (files.Count > 1) throw new ArgumentException($"'{path}' matches {files.Count} files; a logo is one image.");
                LocalFiles.ImageContentType(files[0]);
                return files[0];
            }
            catch (Exception e) when (e is FileNotFoundException || e is ArgumentException)
            {
                cmdlet.WriteFailureFor(e, path);
                return null;
            }
        }
    }
}
