namespace SeeMe.Server.Storage;

/// <summary>
/// Uploaded files under the data folder (files/...). Uploads land in tmp/ first and are moved
/// into place only when complete, so a failed upload never leaves half a file.
/// </summary>
public sealed class FileStore
{
    private readonly string _root;
    private readonly string _temp;

    public FileStore(string dataDirectory)
    {
        _root = Path.Combine(dataDirectory, "files");
        _temp = Path.Combine(dataDirectory, "tmp");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_temp);
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

    /// <summary>Deletes a file or a whole folder under files/ if it exists.</summary>
    public void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}

/// <summary>A file on disk to send back: where it is, its content type and the name the client saves it under.</summary>
public sealed record StoredFile(string Path, string ContentType, string DownloadName);
