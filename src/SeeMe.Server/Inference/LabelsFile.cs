using System.Collections.Concurrent;
using System.Globalization;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// Class names from a labels file: one name per line, line i naming output index i. A file is
/// read once per stamp (path, last write time, length) and then served from a small cache, since
/// every prediction needs it; files over <see cref="MaxBytes"/> are refused at upload and here.
/// </summary>
internal sealed class LabelsFile
{
    /// <summary>Largest labels file: ample for 100,000 class names.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;
    private const int CacheCapacity = 64;

    public static readonly LabelsFile None = new([]);

    private static readonly ConcurrentDictionary<ModelFileStamp, LabelsFile> Cache = new();

    private readonly string[] _names;

    private LabelsFile(string[] names) => _names = names;

    public int Count => _names.Length;

    /// <summary>The file's names (cached); a missing or absent file gives no names (outputs are then named by index); 422 when it is too large.</summary>
    public static LabelsFile Read(string? path)
    {
        if (string.IsNullOrEmpty(path)) return None;
        var info = new FileInfo(path);
        if (!info.Exists) return None;
        if (info.Length > MaxBytes)
            throw DomainException.ModelCannotRun($"The labels file of this model version is {info.Length:N0} bytes, more than the {MaxBytes:N0} this server reads; upload a smaller one (one class name per line).");
        var stamp = new ModelFileStamp(path, info.LastWriteTimeUtc, info.Length);
        if (Cache.TryGetValue(stamp, out var cached)) return cached;
        var labels = Load(path);
        if (Cache.Count >= CacheCapacity) Cache.Clear();
        foreach (var stale in Cache.Keys.Where(k => k.Path == path)) Cache.TryRemove(stale, out _);
        Cache[stamp] = labels;
        return labels;
    }

    /// <summary>400 when an uploaded labels file is larger than <see cref="MaxBytes"/>.</summary>
    public static void CheckUpload(string tempPath, string fileName)
    {
        var length = new FileInfo(tempPath).Length;
        if (length > MaxBytes)
            throw DomainException.Invalid($"The labels file '{fileName}' is {length:N0} bytes; this server accepts labels files of at most {MaxBytes:N0} bytes (one class name per line).");
    }

    private static LabelsFile Load(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return new LabelsFile(lines.ToArray());
    }

    /// <summary>The name of class <paramref name="index"/>, or the index as text when the file has none.</summary>
    public string NameOf(long index) =>
        index >= 0 && index < _names.Length && _names[index].Length > 0
            ? _names[index]
            : index.ToString(CultureInfo.InvariantCulture);
}
