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
            return asset switch
            {
                ModelAssetType.Labels => versionId + ".txt",
                ModelAssetType.OnnxInt8 => versionId + "_int8.onnx",
                ModelAssetType.ConversionCfg => versionId + "_conversion.cfg",
                _ => versionId + "." + asset.WireName(),
            };
        }
    }
}
