using Newtonsoft.Json.Linq;
using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Evaluation;

/// <summary>EvaluationReports.Write: the format by extension, the file moved into place whole.</summary>
public sealed class EvaluationReportsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "seeme-reports-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Each_extension_writes_its_format_and_leaves_no_temporary_file()
    {
        var result = SampleResults.Classification();
        foreach (var name in new[] { "r.json", "r.XML", "r.md", "nested/r.html" }) EvaluationReports.Write(result, Path.Combine(_folder, name));

        Assert.Equal(1, (int)JObject.Parse(File.ReadAllText(Path.Combine(_folder, "r.json")))["schema"]!);
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(_folder, "r.XML")));
        Assert.StartsWith("## SeeMe evaluation", File.ReadAllText(Path.Combine(_folder, "r.md")));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(_folder, "nested", "r.html")));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
        Assert.NotEqual(0xEF, File.ReadAllBytes(Path.Combine(_folder, "r.json"))[0]);      // no BOM
    }

    [Fact]
    public void An_existing_report_is_replaced()
    {
        var path = Path.Combine(_folder, "r.json");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "old");
        EvaluationReports.Write(SampleResults.Classification(), path);
        Assert.StartsWith("{", File.ReadAllText(path));
    }

    [Fact]
    public void An_unknown_extension_names_the_four()
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationReports.Write(SampleResults.Classification(), Path.Combine(_folder, "r.txt")));
        foreach (var extension in EvaluationReports.Extensions) Assert.Contains(extension, error.Message);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void A_writer_that_fails_leaves_the_previous_report_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "r.json");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "previous");
        Assert.Throws<InvalidOperationException>(() => EvaluationReports.Write(SampleResults.Classification(), path, new FailingReport()));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    private sealed class FailingReport : EvaluationReport
    {
        public override string Extension => ".json";

        public override void Write(EvaluationResult result, TextWriter writer)
        {
            writer.Write("{ half");
            throw new InvalidOperationException("broken");
        }
    }
}
