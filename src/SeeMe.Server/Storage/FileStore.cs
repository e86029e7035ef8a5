namespace SeeMe.Server.Storage;

/// <summary>
/// Uploaded files under the data folder (files/...). Uploads land in tmp/ first and are moved
/// into place only when complete, so a failed upload never leaves half a file; a file that
/// belongs to a database change is moved only after the change commits (<see cref="Place"/>).
/// At start, moves a crash interrupted are finished and what is left in tmp/ is deleted.
/// </summary>
public sealed class FileStore
{
    private readonly string _root;
    private readonly string _temp;
    private readonly Store _store;

    public FileStore(string dataDirectory, Store store)
    {
        _root = Path.Combine(dataDirectory, "files");
        _temp = Path.Combine(dataDirectory, "tmp");
        _store = store;
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_temp);
        FinishPendingMoves();
        SweepTemp();
    }

    /// <summary>A path under files/ built from trusted segments (ids and fixed names, never client file names).</summary>
    public string PathFor(params string[] segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment.Contains('/') || segment.Contains('\\') || segment is "." or "..")
                throw new ArgumentException($"Unsafe path segment '{segment}'.");
        }
        return Path.Combine([_root, .. segments]);
    }

    /// <summary>A fresh temporary file path under tmp/.</summary>
    public string NewTempPath() => Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".part");

    /// <summary>Moves a completed temp file to its final place, replacing what was there.</summary>
    public void Commit(string tempPath, string finalPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        File.Move(tempPath, finalPath, overwrite: true);
    }

    /// <summary>
    /// Moves a completed temp file to its final place once the store transaction in progress commits
    /// (at once when none is), so records and files change together even when the server is killed.
    /// </summary>
    public void Place(string tempPath, string finalPath) => _store.MoveAfterCommit(tempPath, finalPath, Commit);

    /// <summary>Does the moves whose change committed just before a crash (their temp file is still in tmp/).</summary>
    private void FinishPendingMoves()
    {
        foreach (var (seq, temp, final) in _store.PendingMoves())
        {
            if (File.Exists(temp)) Commit(temp, final);
            _store.ForgetMove(seq);
        }
    }

    /// <summary>Deletes what a stopped or killed server left in tmp/ (uploads and extractions in flight).</summary>
    private void SweepTemp()
    {
        foreach (var entry in new DirectoryInfo(_temp).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
            else entry.Delete();
        }
    }

    /// <summary>Deletes a file or a whole folder under files/ if it exists.</summary>
    public void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}

/// <summary>A file on disk to send back: where it is, its content type and the name the client saves it under.</summary>
public sealed record StoredFile(string Path, string ContentType, string DownloadName);
