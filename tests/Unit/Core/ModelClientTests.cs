using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Core.Clients;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.Core;

public sealed class ModelClientTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<Model> NewModelAsync(string kind = "image_classification")
    {
        using var client = server.SeedUser();
        var apps = await client.Applications.GetAllAsync();
        var onnx = apps.First(a => a.Framework == "onnx" && a.ApplicationType == kind);
        return await client.Models.CreateAsync(new Model { Name = CoreClients.Unique("model"), Description = "test", ApplicationId = onnx.Id });
    }

    [Fact]
    public async Task Create_get_update_delete_a_model()
    {
        using var client = server.SeedUser();
        var created = await NewModelAsync();
        Assert.False(string.IsNullOrEmpty(created.ActiveVersionId));
        Assert.Equal("image_classification", created.ApplicationType);

        var fetched = await client.Models.GetAsync(created.Id);
        fetched.Description = "changed";
        fetched.Public = true;
        var updated = await client.Models.UpdateAsync(fetched);
        Assert.Equal("changed", updated.Description);
        Assert.True(updated.Public);
        Assert.Contains(await client.Models.GetAllAsync(), m => m.Id == created.Id);

        var deleted = await client.Models.DeleteAsync(created.Id);
        Assert.Equal(created.Id, deleted.Id);
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAsync(created.Id));
        Assert.True(e.IsNotFound);
    }

    [Fact]
    public async Task Unknown_fields_survive_a_get_update_round_trip()
    {
        var model = await NewModelAsync();
        using var raw = server.RawClient();
        var json = JsonNode.Parse(await raw.GetStringAsync("models/" + model.Id))!.AsObject();
        json["field_from_the_future"] = "keep me";
        (await raw.PutAsync("models/" + model.Id, new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        using var client = server.SeedUser();
        var fetched = await client.Models.GetAsync(model.Id);
        Assert.Equal("keep me", (string)fetched.GetUnknownField("field_from_the_future")!);
        fetched.Notes = "edited by an older client";
        await client.Models.UpdateAsync(fetched);

        var after = JsonNode.Parse(await raw.GetStringAsync("models/" + model.Id))!;
        Assert.Equal("keep me", (string)after["field_from_the_future"]!);
        Assert.Equal("edited by an older client", (string)after["notes"]!);
    }

    [Fact]
    public async Task Uploading_an_onnx_file_and_labels_sets_the_flags_and_every_asset_downloads_under_the_sdk_name()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        var onnxBytes = SeeMe.TestModels.OnnxModelBuilder.ImageClassifier(); // a model that loads: the server refuses one it would run that does not
        var progress = new List<SeeMe.Core.Http.TransferProgress>();
        var version = await client.Models.UploadFileAsync(model.Id, _files.Bytes("model.onnx", onnxBytes), new SyncProgress(progress.Add));
        Assert.True(version.HasOnnxModel);
        Assert.Equal(model.ActiveVersionId, version.Id);
        Assert.NotEmpty(progress);
        Assert.Equal(onnxBytes.Length, progress[^1].BytesTransferred);

        await client.Models.UploadFileAsync(model.Id, _files.Text("labels.txt", "cat\ndog\n"));
        var refreshed = await client.Models.GetAsync(model.Id);
        Assert.True(refreshed.HasOnnxModel);
        Assert.True(refreshed.HasLabelsFile);

        var folder = _files.PathOf("assets");
        var onnx = await client.Models.DownloadAssetAsync(refreshed, ModelAssetType.Onnx, folder);
        Assert.Equal(refreshed.ActiveVersionId + ".onnx", onnx.Name);
        Assert.Equal(onnxBytes, await File.ReadAllBytesAsync(onnx.FullName));
        var labels = await client.Models.DownloadAssetAsync(refreshed, ModelAssetType.Labels, folder);
        Assert.Equal(refreshed.ActiveVersionId + ".txt", labels.Name);
        Assert.Equal(new[] { labels.Name, onnx.Name }.Order(), TestFiles.Tree(folder)); // no .partial left
    }

    [Fact]
    public async Task A_missing_asset_is_404_and_leaves_no_file_behind()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        var folder = _files.PathOf("missing");
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.DownloadAssetAsync(model, ModelAssetType.Tflite, folder));
        Assert.Equal(404, e.StatusCode);
        Assert.Empty(Directory.Exists(folder) ? TestFiles.Tree(folder) : new List<string>());
    }

    [Fact]
    public async Task A_cancelled_download_leaves_no_file_behind()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        await client.Models.UploadFileAsync(model.Id, _files.Bytes("big.pkl", new byte[8 * 1024 * 1024]));
        var folder = _files.PathOf("cancelled");
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.BytesTransferred > 0) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, folder, progress: progress, cancellationToken: cancel.Token));
        Assert.Empty(TestFiles.Tree(folder));
    }

    [Fact]
    public async Task A_download_does_not_overwrite_unless_asked()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        await client.Models.UploadFileAsync(model.Id, _files.Bytes("m.pkl", [1, 2, 3]));
        var folder = _files.PathOf("overwrite");
        await client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, folder);
        await Assert.ThrowsAsync<IOException>(() => client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, folder));
        var again = await client.Models.DownloadAssetAsync(model, ModelAssetType.Pkl, folder, overwrite: true);
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(again.FullName));
    }

    [Fact]
    public async Task Uploading_a_missing_file_fails_before_any_request()
    {
        using var client = server.SeedUser();
        await Assert.ThrowsAsync<FileNotFoundException>(() => client.Models.UploadFileAsync("any-id", _files.PathOf("nope.onnx")));
    }

    [Fact]
    public async Task Logo_upload_and_download_use_the_bare_logo_name()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        var updated = await client.Models.UploadLogoAsync(model.Id, _files.Image("logo.png", SKColors.Red));
        Assert.True(updated.HasLogo);
        Assert.DoesNotContain("/", updated.Logo);
        var saved = await client.Models.DownloadLogoAsync(updated, _files.PathOf("logo"));
        Assert.Equal(updated.Logo, saved.Name);
        Assert.True(saved.Length > 0);
    }

    [Fact]
    public async Task Model_versions_crud_upload_and_download()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        var created = await client.ModelVersions.CreateAsync(model.Id, new ModelVersion { Name = "v2", ApplicationId = model.ApplicationId });
        Assert.Equal(model.Id, created.ModelId);
        Assert.Equal(2, created.VersionNumber);

        var all = await client.ModelVersions.GetAllAsync(model.Id);
        Assert.Equal(2, all.Count);

        created.Description = "second";
        Assert.Equal("second", (await client.ModelVersions.UpdateAsync(created)).Description);

        var uploaded = await client.ModelVersions.UploadFileAsync(model.Id, created.Id, _files.Bytes("v2.onnx", SeeMe.TestModels.OnnxModelBuilder.ImageClassifier()));
        Assert.True(uploaded.HasOnnxModel);
        var file = await client.ModelVersions.DownloadAssetAsync(uploaded, ModelAssetType.Onnx, _files.PathOf("v2"));
        Assert.Equal(created.Id + ".onnx", file.Name);

        model = await client.Models.GetAsync(model.Id);
        model.ActiveVersionId = created.Id;
        Assert.Equal(created.Id, (await client.Models.UpdateAsync(model)).ActiveVersionId);

        var first = all.Single(v => v.Id != created.Id);
        Assert.Equal(first.Id, (await client.ModelVersions.DeleteAsync(model.Id, first.Id)).Id);
        Assert.Single(await client.ModelVersions.GetAllAsync(model.Id));
    }

    [Fact]
    public async Task Prediction_history_of_a_new_model_is_an_empty_list()
    {
        using var client = server.SeedUser();
        var model = await NewModelAsync();
        var page = await client.Models.GetPredictionsPageAsync(model.Id, 0, new PredictionQuery { PageSize = 10, ShowHidden = true });
        Assert.Empty(page);
    }

    [Fact]
    public async Task The_sdk_application_lookup_matches_exactly_then_by_substring_else_fails()
    {
        using var client = server.SeedUser();
        var apps = await client.Applications.GetAllAsync();
        var app = apps.First(a => a.BaseFrameworkVersion.Length > 0);
        Assert.Equal(app.Id, ApplicationsClient.FindApplication(apps, app.BaseFramework, app.Framework, app.BaseFrameworkVersion, app.FrameworkVersion, app.ApplicationType).Id);
        Assert.Equal(app.BaseFramework, ApplicationsClient.FindApplication(apps, app.BaseFramework, app.Framework, app.BaseFrameworkVersion + "+cu111", app.FrameworkVersion, app.ApplicationType).BaseFramework);
        Assert.Throws<NotSupportedException>(() => ApplicationsClient.FindApplication(apps, "nope", "nope", "1", "1", "image_classification"));
    }
}

/// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SyncProgress(Action<SeeMe.Core.Http.TransferProgress> report) : IProgress<SeeMe.Core.Http.TransferProgress>
{
    public void Report(SeeMe.Core.Http.TransferProgress value) => report(value);
}
