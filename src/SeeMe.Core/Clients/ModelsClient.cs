using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>models: CRUD, file and logo upload, downloads, prediction history.</summary>
    public sealed class ModelsClient : ApiClient
    {
        public ModelsClient(ApiConnection api) : base(api) { }

        /// <summary>Your models, public ones and those shared with you.</summary>
        public Task<List<Model>> GetAllAsync(CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<Model>>("models", cancellationToken);

        public Task<Model> GetAsync(string modelId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<Model>(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId))), cancellationToken);

        public Task<Model> CreateAsync(Model model, CancellationToken cancellationToken = default) =>
            Api.PostAsync<Model>("models", Ensure.NotNull(model, nameof(model)), Idempotency.Create, cancellationToken);

        /// <summary>PUT the full model (also how the active version is switched).</summary>
        public Task<Model> UpdateAsync(Model model, CancellationToken cancellationToken = default) =>
            Api.PutAsync<Model>(ApiPath.Of("models", Ensure.NotNullOrEmpty(Ensure.NotNull(model, nameof(model)).Id, "model.Id")), model, cancellationToken);

        public Task<Model> DeleteAsync(string modelId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<Model>(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId))), cancellationToken);

        /// <summary>Uploads a model file (export.pkl, model.onnx, labels.txt, ...) to the active version.</summary>
        public Task<ModelVersion> UploadFileAsync(string modelId, string filePath, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Api.UploadAsync<ModelVersion>(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "upload"),
                LocalFiles.RequireFile(filePath), "application/octet-stream", Idempotency.Repeatable, progress, cancellationToken);

        /// <summary>Uploads a logo (jpg, jpeg or png).</summary>
        public Task<Model> UploadLogoAsync(string modelId, string imagePath, CancellationToken cancellationToken = default) =>
            Api.UploadAsync<Model>(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "upload"),
                LocalFiles.RequireFile(imagePath), LocalFiles.ImageContentType(imagePath), Idempotency.Repeatable, null, cancellationToken);

        /// <summary>Saves the logo in <paramref name="folder"/> under the model's <c>logo</c> name (reduced to a bare file name).</summary>
        public Task<FileInfo> DownloadLogoAsync(Model model, string folder, bool overwrite = false, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(model, nameof(model));
            var target = Path.Combine(folder, LocalFiles.SafeFileName(model.Logo, "logo.png"));
            return Api.DownloadAsync(ApiPath.Of("models", model.Id, "download", "logo"), target, overwrite, null, cancellationToken);
        }

        /// <summary>Downloads an asset of the active version into <paramref name="folder"/> as the SDK names it, {version_id}.{asset}.</summary>
        public Task<FileInfo> DownloadAssetAsync(Model model, ModelAssetType asset, string folder, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            DownloadAssetToFileAsync(Ensure.NotNull(model, nameof(model)).Id, asset, Path.Combine(folder, asset.FileName(model.ActiveVersionId)), overwrite, progress, cancellationToken);

        /// <summary>Downloads an asset of the model's active version as <paramref name="targetFile"/> (a failed download leaves no file).</summary>
        public Task<FileInfo> DownloadAssetToFileAsync(string modelId, ModelAssetType asset, string targetFile, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Api.DownloadAsync(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "download", asset.WireName()), targetFile, overwrite, progress, cancellationToken);

        /// <summary>One page (0-based <paramref name="page"/>) of the model's prediction history, newest first (later SDKs).</summary>
        public Task<List<Prediction>> GetPredictionsPageAsync(string modelId, int page, PredictionQuery? query = null, CancellationToken cancellationToken = default)
        {
            query ??= new PredictionQuery();
            query.Validate();
            var path = ApiPath.WithQuery(ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "inferences"), new[]
            {
                new KeyValuePair<string, string?>("pageCount", page.ToString()),
                new KeyValuePair<string, string?>("pageSize", query.PageSize.ToString()),
                new KeyValuePair<string, string?>("modelVersionIds", query.ModelVersionIds.Count == 0 ? null : string.Join(",", query.ModelVersionIds)),
                new KeyValuePair<string, string?>("includeAlreadyAdded", query.IncludeAlreadyAdded ? "true" : "false"),
                new KeyValuePair<string, string?>("showHidden", query.ShowHidden ? "true" : "false"),
            });
            return Api.GetAsync<List<Prediction>>(path, cancellationToken);
        }

        /// <summary>The model's prediction history matching the query (its Skip and First included), fetched page by page as it is consumed.</summary>
        public Pages<Prediction> GetPredictions(string modelId, PredictionQuery? query = null)
        {
            query ??= new PredictionQuery();
            Ensure.NotNullOrEmpty(modelId, nameof(modelId));
            return new Pages<Prediction>((page, ct) => GetPredictionsPageAsync(modelId, page, query, ct), query);
        }
    }
}
