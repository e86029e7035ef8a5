using System.IO.Compression;
using SeeMe.Core.Files;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Core;

public sealed class ZipFoldersTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("train/../../escape.txt")]
    [InlineData("/absolute.txt")]
    public void An_entry_outside_the_folder_refuses_the_whole_archive_before_writing(string evil)
    {
        var zip = _files.PathOf("evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("train/ok.txt").Open().Dispose();
            archive.CreateEntry(evil).Open().Dispose();
        }
        var target = _files.PathOf("out");

        Assert.Throws<InvalidDataException>(() => ZipFolders.ExtractSafely(zip, target, overwrite: false));
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any());
        Assert.False(File.Exists(_files.PathOf("escape.txt")));
    }

    [Fact]
    public void A_folder_zips_and_extracts_to_the_same_tree()
    {
        _files.Text("src/train/cat/a.txt", "a");
        _files.Text("src/valid/b.txt", "b");
        ZipFolders.CreateFromFolder(_files.PathOf("src"), _files.PathOf("tree.zip"));
        ZipFolders.ExtractSafely(_files.PathOf("tree.zip"), _files.PathOf("dst"), overwrite: false);
        Assert.Equal(TestFiles.Tree(_files.PathOf("src")), TestFiles.Tree(_files.PathOf("dst")));
    }
}
