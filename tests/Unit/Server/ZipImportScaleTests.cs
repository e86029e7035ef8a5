using SeeMe.Server.Zip;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

/// <summary>
/// A dataset import of a zip with 100k label folders makes each label once, in order. How long it takes is the
/// benchmarks' business (<c>SeeMe.Benchmarks labels</c>), not a test's: a wall-clock limit fails on a busy machine.
/// </summary>
public sealed class ZipImportScaleTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());

    [Fact]
    public async Task A_zip_of_100k_label_folders_imports_every_label_once_in_order()
    {
        const int count = 100_000;
        var folders = new Dictionary<string, byte[]> { ["train/"] = null };
        for (var i = 0; i < count; i++) folders[$"train/label{i}/"] = null;
        var zip = ZipFormatTests.Zip(folders);
        var dataset = await _api.CreateDatasetAsync();

        var version = await _api.OkAsync(_api.UploadAsync(VersionPath(dataset) + "/upload/folders", zip, "labels.zip", "application/zip"));

        var labels = version["labels"]!.AsArray();
        Assert.Equal(count, labels.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => "label" + i), labels.Select(l => (string)l!["name"]));
    }

    [Fact]
    public void Planning_100k_labels_and_splits_keeps_each_name_once_in_first_seen_order()
    {
        var plan = new ImportPlan();
        for (var i = 0; i < 100_000; i++)
        {
            plan.AddLabel("label" + i);
            plan.AddSplit("split" + i);
            plan.AddLabel("label" + i);
        }

        Assert.Equal(Enumerable.Range(0, 100_000).Select(i => "label" + i), plan.Labels.Select(l => l.Name));
        Assert.Equal(Enumerable.Range(0, 100_000).Select(i => "split" + i), plan.Splits);
    }
}
