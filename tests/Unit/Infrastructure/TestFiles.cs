using SkiaSharp;

namespace SeeMe.Tests.Infrastructure;

/// <summary>Files the tests write to a private temp folder (deleted on dispose).</summary>
public sealed class TestFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("seeme-files-").FullName;

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>A real PNG (or JPEG) image of one colour.</summary>
    public string Image(string name, SKColor color, int size = 32)
    {
        var format = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        return Bytes(name, TestImages.Solid(color, size, size, format));
    }

    public string Bytes(string name, byte[] content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Text(string name, string content) => Bytes(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Every file under a folder, as relative '/' paths, sorted.</summary>
    public static List<string> Tree(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
