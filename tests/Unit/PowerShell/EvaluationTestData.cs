using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// Real models and labelled dataset versions on the local server for the Test-SeeMeModel tests, arranged through
/// Core: a model of each application type with its labels file, and items with their images, texts or rows and
/// their labels or boxes.
/// </summary>
internal sealed class EvaluationTestData(LocalServerFixture server) : IDisposable
{
    private readonly TestFiles _files = new();

    public SeeMeClient Client { get; } = server.SeedUser();

    public string Folder => _files.Root;

    public void Dispose()
    {
        Client.Dispose();
        _files.Dispose();
    }

    /// <summary>A model whose active version runs <paramref name="onnx"/> with <paramref name="classes"/> as its labels file (and <paramref name="config"/>).</summary>
    public async Task<Model> ModelAsync(string applicationType, byte[] onnx, string[] classes, string config = null)
    {
        var model = await Client.Models.CreateAsync(new Model { Name = CoreClients.Unique(applicationType), ApplicationType = applicationType });
        await UploadAsync(model.Id, model.ActiveVersionId, onnx, classes, config);
        return await Client.Models.GetAsync(model.Id);
    }

    /// <summary>Another version of the model, running <paramref name="onnx"/>; the active version stays.</summary>
    public async Task<ModelVersion> VersionAsync(Model model, string name, byte[] onnx, string[] classes, string config = null)
    {
        var version = await Client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = name, ApplicationId = model.ApplicationId });
        await UploadAsync(model.Id, version.Id, onnx, classes, config);
        return await Client.ModelVersions.GetAsync(model.Id, version.Id);
    }

    private async Task UploadAsync(string modelId, string versionId, byte[] onnx, string[] classes, string config)
    {
        await Client.ModelVersions.UploadFileAsync(modelId, versionId, _files.Bytes(CoreClients.Unique("model") + "/model.onnx", onnx));
        await Client.ModelVersions.UploadFileAsync(modelId, versionId, _files.Bytes(CoreClients.Unique("labels") + "/labels.txt", KnownModels.LabelsFile(classes)));
        if (config == null) return;
        var version = await Client.ModelVersions.GetAsync(modelId, versionId);
        version.Config = config;
        await Client.ModelVersions.UpdateAsync(version);
    }

    /// <summary>A dataset (splits train, valid, test) whose first version has <paramref name="labels"/>, in that order, and <paramref name="config"/>.</summary>
    public async Task<DatasetVersion> DatasetVersionAsync(string contentType, string[] labels, string config = null)
    {
        var dataset = await Client.Datasets.CreateAsync(new Dataset { Name = CoreClients.Unique("eval"), ContentType = contentType, DefaultSplits = true });
        var version = dataset.Versions[0];
        foreach (var label in labels) await Client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = label });
        if (config != null)
        {
            var withConfig = await Client.DatasetVersions.GetAsync(dataset.Id, version.Id);
            withConfig.Config = config;
            await Client.DatasetVersions.UpdateAsync(withConfig);
        }
        return await Client.DatasetVersions.GetAsync(dataset.Id, version.Id);
    }

    /// <summary>
    /// An item of <paramref name="split"/> with its text (or, with <paramref name="image"/>, its image) and annotations:
    /// a label name with "" for a class, with "x_center y_center width height" for a box.
    /// </summary>
    public async Task<DatasetItem> ItemAsync(DatasetVersion version, string name, string split = "test", string text = "", byte[] image = null,
        params (string Label, string Coordinates)[] annotations)
    {
        var splitId = version.Splits.Single(s => s.Name == split).Id;
        var item = await Client.Items.CreateAsync(version.DatasetId, version.Id, new DatasetItem
        {
            Name = name,
            Text = text,
            Splits = [new DatasetSplit { Id = splitId, DatasetVersionId = version.Id }],
            Annotations = annotations.Select(a => new Annotation { LabelId = version.Labels.Single(l => l.Name == a.Label).Id, SplitId = splitId, Coordinates = a.Coordinates }).ToList(),
        });
        if (image == null) return item;
        return await Client.Items.UploadImageAsync(version.DatasetId, version.Id, item.Id, ImageFile(name, image));
    }

    /// <summary>An image item labelled <paramref name="label"/> (none when null).</summary>
    public Task<DatasetItem> LabelledImageAsync(DatasetVersion version, string name, byte[] image, string label, string split = "test") =>
        ItemAsync(version, name, split, image: image, annotations: label == null ? [] : [(label, "")]);

    public string Text(string name, string content) => _files.Text(name, content);

    /// <summary>The image as a file named after the item (the file Invoke-SeeMePrediction is given to compare with).</summary>
    public string ImageFile(string name, byte[] image) => _files.Bytes(name + ".png", image);

    /// <summary>Plain pictures of one colour, which the colour classifier tells apart.</summary>
    public static readonly byte[] Red = TestPng.Solid(255, 0, 0), Green = TestPng.Solid(0, 255, 0), Blue = TestPng.Solid(0, 0, 255);

    /// <summary>
    /// The colour classifier's test split: six labelled items, two of them labelled other than their colour (r2, b2), one
    /// without a label (skipped); an item of the train split that is not evaluated.
    /// </summary>
    public async Task<(Model Model, DatasetVersion Version)> ColoursAsync(string[] labels = null)
    {
        labels ??= KnownModels.Colours;
        var model = await ModelAsync("image_classification", KnownModels.ColourClassifier(), KnownModels.Colours);
        var version = await DatasetVersionAsync("images", labels);
        foreach (var (name, image, label) in new[]
                 {
                     ("r1", Red, labels[0]), ("g1", Green, labels[1]), ("b1", Blue, labels[2]),
                     ("r2", Red, labels[1]), ("b2", Blue, labels[0]), ("g2", Green, labels[1]), ("u1", Red, null),
                 })
            await LabelledImageAsync(version, name, image, label);
        await LabelledImageAsync(version, "t1", Red, labels[0], split: "train");
        return (model, version);
    }
}
