using System.Text.Json.Nodes;
using SeeMe.Server.Inference;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Models;

/// <summary>
/// A model's files on disk: files/models/{model_id}/logo.{png|jpg} and
/// files/models/{model_id}/versions/{version_id}/{asset type}. Uploads, downloads, and the
/// version flags (has_*, can_inference, classes) that follow from the files present.
/// </summary>
public static class ModelFiles
{
    private const int MaxClasses = 100_000;

    public static string ModelFolder(FileStore files, string modelId) => files.PathFor("models", modelId);

    public static string VersionFolder(FileStore files, JsonObject version) =>
        files.PathFor("models", version.Str("model_id"), "versions", version.Str("id"));

    /// <summary>The stored file of that asset, or null when it was never uploaded.</summary>
    public static string? AssetPath(FileStore files, JsonObject version, ModelAsset asset)
    {
        var path = Path.Combine(VersionFolder(files, version), asset.Name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Stores an uploaded model file as an asset of the version and updates its flags (and the model's when active).
    /// An ONNX file that the version's application would run must load first: a file that does not is refused (422)
    /// and nothing is stored, so can_inference never claims what the first prediction would deny.
    /// </summary>
    public static JsonObject StoreModelFile(Store store, FileStore files, IInferenceEngine engine, JsonObject version, UploadedFile upload)
    {
        var asset = ModelAssets.Classify(upload);
        if (asset == ModelAssets.Labels || asset == ModelAssets.Names) LabelsFile.CheckUpload(upload.TempPath, upload.FileName);
        if (asset == ModelAssets.Onnx && Runnable(store, version).Contains(asset.Extension)) engine.CheckLoads(upload.TempPath, upload.FileName);
        var path = Path.Combine(VersionFolder(files, version), asset.Name);
        if (asset == ModelAssets.Labels || asset == ModelAssets.Names) version["classes"] = ReadClasses(upload.TempPath);
        store.InTransaction(() =>
        {
            Refresh(store, files, version, arriving: asset);
            ModelRules.SaveVersion(store, version);
            files.Place(upload.TempPath, path);
        });
        engine.Invalidate(version.Str("id"));
        return version;
    }

    /// <summary>
    /// Sets the has_* flags from the files present (and the one <paramref name="arriving"/>, placed when the change
    /// commits), and can_inference when the application can run one of them.
    /// </summary>
    public static void Refresh(Store store, FileStore files, JsonObject version, ModelAsset? arriving = null)
    {
        var present = ModelAssets.All.Where(a => a == arriving || AssetPath(files, version, a) is not null).ToList();
        foreach (var flag in ModelAssets.Flags) version[flag] = present.Any(a => a.Flag == flag);
        var runnable = Runnable(store, version);
        version["can_inference"] = present.Any(a => runnable.Contains(a.Extension));
    }

    /// <summary>The file extensions the version's application runs (its catalogue entry's inference_extensions).</summary>
    private static string[] Runnable(Store store, JsonObject version) =>
        ApplicationCatalogue.InferenceExtensions(ApplicationCatalogue.Find(store, version.Str("application_id")));

    /// <summary>The version's file of that asset type, with its download name; 404 when never uploaded.</summary>
    public static StoredFile Asset(FileStore files, JsonObject version, string assetName)
    {
        var asset = ModelAssets.Named(assetName);
        var path = AssetPath(files, version, asset) ?? throw DomainException.NotFound(
            $"Model version '{version.Str("id")}' has no {asset.Name} file; upload one with POST models/{version.Str("model_id")}/versions/{version.Str("id")}/upload.");
        return new StoredFile(path, "application/octet-stream", asset.DownloadName(version.Str("id")));
    }

    /// <summary>Stores a PNG or JPEG logo (checked by its magic bytes) as logo.png / logo.jpg.</summary>
    public static JsonObject StoreLogo(Store store, FileStore files, JsonObject model, UploadedFile upload)
    {
        var extension = ImageExtension(upload.TempPath)
            ?? throw DomainException.Invalid($"The logo '{upload.FileName}' is not a PNG or JPEG image; upload a .png or .jpg file.");
        var name = "logo." + extension;
        var old = model.Str("logo");
        model["has_logo"] = true;
        model["logo"] = name;
        model["shared_with_me"] = false;
        store.InTransaction(() =>
        {
            store.Put(Kinds.Model, Entities.Touch(model));
            files.Place(upload.TempPath, files.PathFor("models", model.Str("id"), name));
        });
        if (old.Length > 0 && old != name) files.Delete(files.PathFor("models", model.Str("id"), Path.GetFileName(old)));
        return model;
    }

    /// <summary>The model's logo file; 404 when it has none.</summary>
    public static StoredFile Logo(FileStore files, JsonObject model)
    {
        var name = Path.GetFileName(model.Str("logo"));
        var path = name.Length > 0 ? files.PathFor("models", model.Str("id"), name) : null;
        if (path is null || !File.Exists(path))
            throw DomainException.NotFound($"Model '{model.Str("id")}' has no logo; upload a PNG or JPEG with POST models/{model.Str("id")}/upload.");
        return new StoredFile(path, name.EndsWith(".png") ? "image/png" : "image/jpeg", name);
    }

    private static string ReadClasses(string path) => string.Join(",", File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).Take(MaxClasses));

    private static string? ImageExtension(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using (var stream = File.OpenRead(path))
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length) return null;
        if (head.SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "png";
        return head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF ? "jpg" : null;
    }
}
