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
    /// <summary>models/{id}/versions: CRUD, upload, download.</summary>
    public sealed class ModelVersionsClient : ApiClient
    {
        public ModelVersionsClient(ApiConnection api) : base(api) { }

        public Task<List<ModelVersion>> GetAllAsync(string modelId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<ModelVersion>>(Versions(modelId), cancellationToken);

        public Task<ModelVersion> GetAsync(string modelId, string versionId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<ModelVersion>(Version(modelId, versionId), cancellationToken);

        public Task<ModelVersion> CreateAsync(string modelId, ModelVersion version, CancellationToken cancellationToken = default) =>
            Api.PostAsync<ModelVersion>(Versions(modelId), Ensure.NotNull(version, nameof(version)), Idempotency.Create, cancellationToken);

        public Task<ModelVersion> UpdateAsync(ModelVersion version, CancellationToken cancellationToken = default) =>
            Api.PutAsync<ModelVersion>(Version(Ensure.NotNull(version, nameof(version)).ModelId, version.Id), version, cancellationToken);

        public Task<ModelVersion> DeleteAsync(string modelId, string versionId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<ModelVersion>(Version(modelId, versionId), cancellationToken);

        public Task<ModelVersion> UploadFileAsync(string modelId, string versionId, string filePath,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Api.UploadAsync<ModelVersion>(Version(modelId, versionId) + "/upload", LocalFiles.RequireFile(filePath),
                "application/octet-stream", Idempotency.Repeatable, progress, cancellationToken);

        /// <summary>Downloads an asset of this version into <paramref name="folder"/> as the SDK names it, {version_id}.{asset}.</summary>
        public Task<FileInfo> DownloadAssetAsync(ModelVersion version, ModelAssetType asset, string folder, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            DownloadAssetToFileAsync(Ensure.NotNull(version, nameof(version)), asset, Path.Combine(folder, asset.FileName(version.Id)), overwrite, progress, cancellationToken);

        /// <summary>Downloads an asset of this version as <paramref name="targetFile"/> (a failed download leaves no file).</summary>
        public Task<FileInfo> DownloadAssetToFileAsync(ModelVersion version, ModelAssetType asset, string targetFile, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Api.DownloadAsync(Version(Ensure.NotNull(version, nameof(version)).ModelId, version.Id) + "/download/" + asset.WireName(), targetFile, overwrite, progress, cancellationToken);

        private static string Versions(string modelId) => ApiPath.Of("models", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "versions");

        private static string Version(string modelId, string versionId) =>
            Versions(modelId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(versionId, nameof(versionId)));
    }
}
