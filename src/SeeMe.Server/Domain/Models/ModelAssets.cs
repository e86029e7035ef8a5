using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Models;

/// <summary>
/// One kind of file a model version may hold (docs/wire-contract.md, "Asset types"): its stored file
/// extension, the suffix of its download name after the version id, and the has_* flag it sets.
/// </summary>
public sealed record ModelAsset(string Name, string Extension, string DownloadSuffix, string? Flag)
{
    public string DownloadName(string versionId) => versionId + DownloadSuffix;
}

/// <summary>The asset types, and which asset an uploaded file is.</summary>
public static class ModelAssets
{
    public static readonly ModelAsset Pkl = new("pkl", "pkl", ".pkl", "has_ml_model");
    public static readonly ModelAsset Onnx = new("onnx", "onnx", ".onnx", "has_onnx_model");
    public static readonly ModelAsset OnnxInt8 = new("onnx_int8", "onnx", "_int8.onnx", "has_onnx_int8_model");
    public static readonly ModelAsset Labels = new("labels", "txt", ".txt", "has_labels_file");
    public static readonly ModelAsset Names = new("names", "names", ".names", "has_labels_file");

    public static readonly ModelAsset[] All =
    [
        Pkl,
        new("mlmodel", "mlmodel", ".mlmodel", "has_ml_model"),
        new("tflite", "tflite", ".tflite", "has_tflite_model"),
        Onnx,
        OnnxInt8,
        Names,
        Labels,
        new("weights", "weights", ".weights", "has_ml_model"),
        new("cfg", "cfg", ".cfg", null),
        new("conversion_cfg", "cfg", "_conversion.cfg", null),
    ];

    public static readonly string[] Flags = All.Select(a => a.Flag).OfType<string>().Distinct().ToArray();

    private static readonly string[] ImageExtensions = ["png", "jpg", "jpeg"];

    /// <summary>The asset type named in a download path, or 400 listing the valid ones.</summary>
    public static ModelAsset Named(string name) =>
        All.FirstOrDefault(a => a.Name == name)
        ?? throw DomainException.Invalid($"Unknown asset type '{name}'; use one of: {string.Join(", ", All.Select(a => a.Name))}.");

    /// <summary>A logo upload: an image content type or an image file extension.</summary>
    public static bool IsLogo(UploadedFile upload) =>
        upload.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || ImageExtensions.Contains(upload.Extension);

    /// <summary>
    /// Which asset an uploaded model file is, by its name; a name without an extension (the SDK's
    /// multipart name may be anything, even "filename") is sniffed: ONNX if it looks like one, else pkl.
    /// </summary>
    public static ModelAsset Classify(UploadedFile upload)
    {
        var baseName = Path.GetFileNameWithoutExtension(upload.FileName).ToLowerInvariant();
        switch (upload.Extension)
        {
            case "onnx": return baseName.Contains("int8") ? OnnxInt8 : Onnx;
            case "txt": return Labels;
            case "cfg": return baseName.Contains("conversion") ? Named("conversion_cfg") : Named("cfg");
            case "pkl" or "mlmodel" or "tflite" or "names" or "weights": return Named(upload.Extension);
        }
        if (baseName.StartsWith("labels")) return Labels;
        if (upload.Extension.Length == 0) return LooksLikeOnnx(upload.TempPath) ? Onnx : Pkl;
        throw DomainException.Invalid(
            $"Cannot tell what kind of model file '{upload.FileName}' is. Upload .onnx, .pkl, .mlmodel, .tflite, .weights, .cfg, .names " +
            "or a labels .txt file (logos: PNG or JPEG to POST models/{id}/upload).");
    }

    // An ONNX file is a protobuf ModelProto that starts with field 1, ir_version (tag 0x08), a
    // small number; pickles start with 0x80 and PyTorch zips with "PK", so this cannot mistake them.
    private static bool LooksLikeOnnx(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == 0x08 && head[1] is >= 1 and <= 20;
    }
}
