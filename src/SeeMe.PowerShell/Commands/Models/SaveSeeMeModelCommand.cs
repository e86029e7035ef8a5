using System;
using System.IO;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Downloads a model file (pkl, onnx, tflite, labels, ...) of a model's active version or of a given version.</para>
    /// <para type="description">Saves the asset into -Destination (default: the current folder) under the model's name and the version's number, such as 'Cats and dogs-v3.onnx' (labels: .txt, onnx_int8: _int8.onnx, conversion_cfg: _conversion.cfg; characters a file name cannot hold on Windows, macOS or Linux become '_'), and writes the file (FileInfo). An existing file is replaced with -Force or after you confirm (in a host that cannot ask, it is a ModelFileExists error); -WhatIf shows the target file and writes nothing. The download goes to a temporary file first, so an interrupted download leaves no half file.</para>
    /// <example><code>Get-SeeMeModel -Name 'Cats and dogs' | Save-SeeMeModel -AssetType Onnx -Destination ./models</code><para>Downloads the ONNX file of the active version.</para></example>
    /// <example><code>Get-SeeMeModel -Name Pets | Get-SeeMeModelVersion | Save-SeeMeModel -AssetType Labels -Force</code><para>Downloads the labels file of every version, replacing earlier downloads.</para></example>
    /// </summary>
    [Cmdlet(VerbsData.Save, "SeeMeModel", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveSeeMeModelCommand : ModelCmdlet
    {
        private const string VersionSet = "Version";

        /// <summary><para type="description">A model version to download from (from Get-SeeMeModelVersion).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = VersionSet)]
        public ModelVersion? Version { get; set; }

        /// <summary><para type="description">Which file: Pkl (default), Mlmodel, Tflite, Onnx, OnnxInt8, Names, Labels, Weights, Cfg, ConversionCfg.</para></summary>
        [Parameter(Position = 1)]
        [Alias("Asset")]
        public ModelAssetType AssetType { get; set; } = ModelAssetType.Pkl;

        /// <summary><para type="description">The folder to save into (created when missing); default the current location.</para></summary>
        [Parameter]
        [Alias("Folder")]
        public string? Destination { get; set; }

        /// <summary><para type="description">Replaces an existing file of the same name without asking.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var folder = ResolveFolder(Destination);
            if (ParameterSetName == VersionSet)
            {
                if (TryGetModel(null, Version!.ModelId, out var owner)) SaveVersionAsset(owner, Version, folder);
            }
            else if (TryGetModel(out var model) && TryGetActiveVersion(model, out var active)) SaveActiveAsset(model, active, folder);
        }

        /// <summary>The model's active version (for the file's name); a model without one is a per-item error.</summary>
        private bool TryGetActiveVersion(Model model, out ModelVersion version)
        {
            if (string.IsNullOrEmpty(model.ActiveVersionId))
            {
                WriteFailure(new ArgumentException($"The model '{model.Name}' has no active version to download from."), model);
                version = null!;
                return false;
            }
            return TryGetModelVersion(null, model.Id, model.ActiveVersionId, out version);
        }

        private void SaveActiveAsset(Model model, ModelVersion active, string folder)
        {
            var file = Path.Combine(folder, AssetType.FileName(model.Name, active));
            if (!ShouldSave(Describe("Model", model), AssetType.ToString(), file, Force)) return;
            var progress = TransferProgress($"Downloading {AssetType} of model '{model.Name}'");
            if (TryRun(ct => Client.Models.DownloadAssetToFileAsync(model.Id, AssetType, file, overwrite: true, progress, ct), model, out var saved)) WriteObject(saved);
        }

        private void SaveVersionAsset(Model model, ModelVersion version, string folder)
        {
            var file = Path.Combine(folder, AssetType.FileName(model.Name, version));
            if (!ShouldSave(Describe("ModelVersion", version), AssetType.ToString(), file, Force)) return;
            var progress = TransferProgress($"Downloading {AssetType} of version '{version.Name}'");
            if (TryRun(ct => Client.ModelVersions.DownloadAssetToFileAsync(version, AssetType, file, overwrite: true, progress, ct), version, out var saved)) WriteObject(saved);
        }
    }
}
