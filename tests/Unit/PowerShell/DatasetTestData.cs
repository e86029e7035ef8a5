using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.PowerShell;

/// <summary>Shared setup for the dataset cmdlet tests: a Core client to arrange and verify, unique names, test images.</summary>
internal static class DatasetTestData
{
    public static SeeMeClient Client(LocalServerFixture server)
    {
        var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(server.Username, server.ApiKey);
        return client;
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A new empty folder under <paramref name="files"/> (deleted with it).</summary>
    public static string TempFolder(TestFiles files) =>
        Directory.CreateDirectory(Path.Combine(files.Root, Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>A small PNG of one colour.</summary>
    public static string Png(string folder, string name, SKColor color, int size = 16)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>A dataset with default splits, its first version, the labels given and no items.</summary>
    public static async Task<(Dataset Dataset, DatasetVersion Version)> NewDatasetAsync(SeeMeClient client, params string[] labels)
    {
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = Unique("ds"), ContentType = "images", DefaultSplits = true });
        var version = dataset.Versions[0];
        foreach (var label in labels)
            await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = label });
        return (dataset, await client.DatasetVersions.GetAsync(dataset.Id, version.Id));
    }

    /// <summary>An image item in <paramref name="split"/> labelled <paramref name="label"/> (both by name).</summary>
    public static async Task<DatasetItem> NewImageItemAsync(SeeMeClient client, DatasetVersion version, string name, string split, string label, string imageFolder)
    {
        var splitId = version.Splits.Single(s => s.Name == split).Id;
        var labelId = label == null ? null : version.Labels.Single(l => l.Name == label).Id;
        var item = await client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem
        {
            Name = name,
            Splits = [new DatasetSplit { Id = splitId, DatasetVersionId = version.Id }],
            Annotations = labelId == null ? [] : [new Annotation { LabelId = labelId, SplitId = splitId }],
        });
        var image = Png(imageFolder, name + ".png", new SKColor((byte)name.Length, 120, 200));
        return await client.Items.UploadImageAsync(version.DatasetId, version.Id, item.Id, image);
    }
}
