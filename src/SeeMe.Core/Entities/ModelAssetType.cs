using System;

namespace SeeMe.Core.Entities
{
    /// <summary>The files a model version can hold and be downloaded as.</summary>
    public enum ModelAssetType
    {
        Pkl,
        Mlmodel,
        Tflite,
        Onnx,
        OnnxInt8,
        Names,
        Labels,
        Weights,
        Cfg,
        ConversionCfg,
    }

    public static class ModelAssetTypes
    {
        /// <summary>The name in the download URL (onnx_int8, conversion_cfg, ...).</summary>
        public static string WireName(this ModelAssetType asset) => asset switch
        {
            ModelAssetType.OnnxInt8 => "onnx_int8",
            ModelAssetType.ConversionCfg => "conversion_cfg",
            _ => asset.ToString().ToLowerInvariant(),
        };

        /// <summary>The file name the SDK saves an asset under: {version_id}.{asset}, with three exceptions.</summary>
        public static string FileName(this ModelAssetType asset, string versionId)
        {
            if (string.IsNullOrEmpty(versionId)) throw new ArgumentException("A version id is needed to name the file.", nameof(versionId));
            return versionId + asset.FileEnding();
        }

        /// <summary>
        /// A file name a person recognises: the model's name and the version's number, "Cats and dogs-v3.onnx" (the
        /// version's name, or its id, when it has no number), with the SDK's endings; characters no file name may
        /// hold on Windows, macOS or Linux become '_'.
        /// </summary>
        public static string FileName(this ModelAssetType asset, string modelName, ModelVersion version)
        {
            var which = version.VersionNumber is int number ? "v" + number : string.IsNullOrWhiteSpace(version.Name) ? version.Id : version.Name;
            return Files.LocalFiles.PortableFileName($"{modelName}-{which}", version.Id) + asset.FileEnding();
        }

        /// <summary>What follows the name: .{asset}, except labels → .txt, onnx_int8 → _int8.onnx, conversion_cfg → _conversion.cfg.</summary>
        private static string FileEnding(this ModelAssetType asset) => asset switch
        {
            ModelAssetType.Labels => ".txt",
            ModelAssetType.OnnxInt8 => "_int8.onnx",
            ModelAssetType.ConversionCfg => "_conversion.cfg",
            _ => "." + asset.WireName(),
        };
    }
}
