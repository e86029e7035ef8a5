using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SeeMe.Core.Entities;
using SeeMe.Core.Exceptions;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Service answers whose meaning a bare status would misstate: the service's messages are written for any client,
    /// so where the status alone misleads (a share's 404 is an unknown address, not a missing model) or a message names
    /// an HTTP call to make, this says it in PowerShell, with the cmdlet to run. Known by the request that failed.
    /// </summary>
    internal static class KnownFailures
    {
        /// <summary>The calls a connection starts with: answered 404, there is no SeeMe API at that address.</summary>
        private static readonly string[] FirstCalls = { "applications", "login", "register" };
        private static readonly Regex Share = new Regex(@"^(models|datasets)/[^/]+/share$");
        private static readonly Regex AssetDownload = new Regex(@"^models/[^/]+/(versions/[^/]+/)?download/(?<asset>[a-z_0-9]+)$");

        public static ExplainedException? Explain(Exception failure, object? target)
        {
            if (!(failure is SeeMeApiException { IsNotFound: true } api)) return null;
            if (FirstCalls.Contains(api.Path) && target is Uri baseUri) return NoApiAt(baseUri, api);
            if (api.Method == "POST" && Share.IsMatch(api.Path)) return UnknownShareAddress(api);
            var download = AssetDownload.Match(api.Path);
            if (api.Method == "GET" && download.Success && Asset(download.Groups["asset"].Value) is ModelAssetType asset) return MissingAsset(api, asset, target);
            return null;
        }

        private static ExplainedException NoApiAt(Uri baseUri, SeeMeApiException api) => new ExplainedException(
            $"There is no SeeMe API at {baseUri}: {api.Method} {api.Path} answered 404 (Not Found).", "ApiNotFound", ErrorCategory.ObjectNotFound,
            baseUri.AbsolutePath.TrimEnd('/').EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase)
                ? "Check -BaseUri (or SEEME_BACKEND): it is the API root, such as https://api.seeme.ai/api/v1/."
                : $"The API root ends in /api/v1/: try -BaseUri {new Uri(baseUri, "api/v1/")}", api);

        private static ExplainedException UnknownShareAddress(SeeMeApiException api) => new ExplainedException(
            string.IsNullOrWhiteSpace(api.ServerMessage) ? "No SeeMe user has that e-mail address." : api.ServerMessage,
            "RecipientNotFound", ErrorCategory.ObjectNotFound,
            "Check the address, or ask them to sign up first (on a local server: Register-SeeMeUser), then share again.", api, noun: "Share");

        private static ExplainedException MissingAsset(SeeMeApiException api, ModelAssetType asset, object? target)
        {
            var (what, has) = target switch
            {
                Model model => ($"The active version of model '{model.Name}'", Assets(model.HasMlModel, model.HasOnnxModel, model.HasOnnxInt8Model, model.HasTfliteModel, model.HasLabelsFile)),
                ModelVersion version => ($"Model version '{version.Name}'", Assets(version.HasMlModel, version.HasOnnxModel, version.HasOnnxInt8Model, version.HasTfliteModel, version.HasLabelsFile)),
                _ => ("The model version", new List<ModelAssetType>()),
            };
            var choose = has.Count == 0 ? "" : $"Choose an -AssetType it has ({string.Join(", ", has)}), or upload";
            return new ExplainedException($"{what} has no {asset} file.", "AssetNotFound", ErrorCategory.ObjectNotFound,
                (choose.Length == 0 ? "Upload" : choose) + $" one with Publish-SeeMeModel -Path <file> (with -Version for a version that is not the active one).", api, noun: "Model");
        }

        /// <summary>The files the model or version says it holds (the flags the wire has).</summary>
        private static List<ModelAssetType> Assets(bool pkl, bool onnx, bool onnxInt8, bool tflite, bool labels) =>
            new[] { (pkl, ModelAssetType.Pkl), (onnx, ModelAssetType.Onnx), (onnxInt8, ModelAssetType.OnnxInt8), (tflite, ModelAssetType.Tflite), (labels, ModelAssetType.Labels) }
                .Where(a => a.Item1).Select(a => a.Item2).ToList();

        private static ModelAssetType? Asset(string wireName) =>
            Enum.GetValues(typeof(ModelAssetType)).Cast<ModelAssetType>().Where(a => a.WireName() == wireName).Select(a => (ModelAssetType?)a).FirstOrDefault();
    }
}
