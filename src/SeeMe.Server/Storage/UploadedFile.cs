namespace SeeMe.Server.Storage;

/// <summary>
/// A file received as the single multipart part <c>file</c>, already on disk under tmp/. Disposing
/// deletes the temp file unless it was committed (moved) into place.
/// </summary>
public sealed record UploadedFile(string TempPath, string FileName, string ContentType, long Length) : IDisposable
{
    public string Extension => Path.GetExtension(FileName).TrimStart('.').ToLowerInvariant();

    public void Dispose() => File.Delete(TempPath);
}
