using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SeeMe.Core.Files;

namespace SeeMe.Core.Sync
{
    /// <summary>A file of the folder being synced: its path relative to the folder ('/' separated), size and time of change.</summary>
    public sealed class LocalFile
    {
        public LocalFile(string relativePath, string fullPath, long size, DateTimeOffset modified)
        {
            RelativePath = relativePath;
            FullPath = fullPath;
            Size = size;
            Modified = modified;
        }

        public string RelativePath { get; }
        public string FullPath { get; }
        public long Size { get; }
        public DateTimeOffset Modified { get; }

        public string[] Segments => RelativePath.Split('/');
        public string FileName => Path.GetFileName(RelativePath);
        public string Stem => Path.GetFileNameWithoutExtension(RelativePath);
        /// <summary>The extension without its dot, lowercase.</summary>
        public string Extension => Path.GetExtension(RelativePath).TrimStart('.').ToLowerInvariant();

        public static LocalFile Of(string root, string fullPath)
        {
            var info = new FileInfo(fullPath);
            return new LocalFile(DatasetFolder.Relative(root, fullPath), info.FullName, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }
    }

    /// <summary>
    /// The folder being synced: its dataset files and folders (hidden ones left out, see <see cref="DatasetFolder"/>),
    /// and their hashes, taken from the state for a file whose size and time are those it recorded.
    /// </summary>
    public sealed class SyncFolder
    {
        private readonly SyncState? _state;

        public SyncFolder(string root, SyncState? state)
        {
            Root = Path.GetFullPath(root);
            _state = state;
            Files = Directory.Exists(Root) ? DatasetFolder.Files(Root).Select(f => LocalFile.Of(Root, f)).ToList() : new List<LocalFile>();
            Folders = Directory.Exists(Root) ? DatasetFolder.Folders(Root).Select(f => DatasetFolder.Relative(Root, f)).ToList() : new List<string>();
        }

        public string Root { get; }
        public IReadOnlyList<LocalFile> Files { get; }
        /// <summary>Relative paths of the folders, '/' separated.</summary>
        public IReadOnlyList<string> Folders { get; }

        /// <summary>The file's SHA-256: the state's when it recorded this size and time, else read now.</summary>
        public string HashOf(LocalFile file) =>
            _state != null && _state.Files.TryGetValue(file.RelativePath, out var known) && known.Matches(file) && known.Hash.Length > 0
                ? known.Hash
                : FileHashes.OfFile(file.FullPath);

        /// <summary>The file as UTF-8 text, a byte order mark kept (as an import reads it), so the text round-trips.</summary>
        public string ReadText(LocalFile file)
        {
            using var reader = new StreamReader(file.FullPath, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            return reader.ReadToEnd();
        }
    }
}
