using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Files;

namespace SeeMe.PowerShell
{
    /// <summary>How commands take files and folders from -Path, -LiteralPath and -Destination.</summary>
    public abstract partial class SeeMeCmdlet
    {
        /// <summary>Stops the command: the parameters given cannot locate what it works on.</summary>
        protected void StopWithInvalidArgument(string message, string errorId, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        /// <summary>
        /// The files a -Path (wildcards) or -LiteralPath names, resolved by the provider (see <see cref="ProviderPaths"/>);
        /// with <paramref name="foldersToo"/> folders count as well. A name that matches nothing is a non-terminating
        /// &lt;Noun&gt;FileNotFound error and gives an empty list.
        /// </summary>
        protected IReadOnlyList<string> ResolvePaths(string path, bool literal, bool foldersToo = false)
        {
            try
            {
                return ProviderPaths.ResolveFiles(this, path, literal, foldersToo);
            }
            catch (FileNotFoundException e)
            {
                WriteFailure(e, path);
                return new string[0];
            }
        }

        /// <summary>
        /// The one file (or folder, with <paramref name="foldersToo"/>) a command takes from -Path or -LiteralPath;
        /// null after a FileNotFound error; a wildcard matching several stops the command (&lt;Noun&gt;PathAmbiguous).
        /// </summary>
        protected string? ResolveOnePath(string path, bool literal, string what, bool foldersToo = false)
        {
            var paths = ResolvePaths(path, literal, foldersToo);
            if (paths.Count > 1) StopWithInvalidArgument($"'{path}' matches {paths.Count} paths; give {what}.", ErrorNoun + "PathAmbiguous", path);
            return paths.Count == 1 ? paths[0] : null;
        }

        /// <summary>
        /// The one .jpg/.jpeg/.png image a Set-*Logo or Set-SeeMeDatasetItemImage takes, checked before any upload;
        /// null after writing the error (missing file, wrong extension).
        /// </summary>
        protected string? ResolveImage(string path, bool literal)
        {
            var image = ResolveOnePath(path, literal, "one image");
            if (image == null) return null;
            try
            {
                LocalFiles.ImageContentType(image);
                return image;
            }
            catch (ArgumentException e)
            {
                WriteFailure(e, path);
                return null;
            }
        }

        /// <summary>The path of the set the user chose: -Path (wildcards) when given, else -LiteralPath (taken as written).</summary>
        protected (string Path, bool Literal) GivenPath(string? path, string? literalPath) =>
            IsBound("Path") ? (path!, false) : (literalPath!, true);

        /// <summary>The folder -Destination names (default: the current location), as a file-system path.</summary>
        protected string ResolveFolder(string? destination) => ProviderPaths.ResolveFolder(this, destination);
    }
}
