using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// -Path (wildcards) and -LiteralPath resolved by the PowerShell provider to file-system paths,
    /// so ~, PSDrives and relative paths mean what they mean at the prompt.
    /// </summary>
    internal static class ProviderPaths
    {
        /// <summary>
        /// The files (and with <paramref name="foldersToo"/> the folders) a -Path or -LiteralPath names; a name that
        /// matches none gives a FileNotFoundException.
        /// </summary>
        public static IReadOnlyList<string> ResolveFiles(PSCmdlet cmdlet, string path, bool literal, bool foldersToo = false)
        {
            bool Exists(string p) => File.Exists(p) || (foldersToo && Directory.Exists(p));
            if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
            {
                var matches = cmdlet.GetResolvedProviderPathFromPSPath(path, out _).Where(Exists).ToList();
                if (matches.Count == 0) throw new FileNotFoundException($"No file matches '{path}'.", path);
                return matches;
            }
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!Exists(full)) throw new FileNotFoundException($"The file '{full}' does not exist.", full);
            return new[] { full };
        }

        /// <summary>
        /// A folder to write into (default: the current location). It is not created here (so -WhatIf leaves no
        /// trace): the download or the extraction creates it.
        /// </summary>
        public static string ResolveFolder(PSCmdlet cmdlet, string? path) =>
            string.IsNullOrEmpty(path)
                ? cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath
                : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
