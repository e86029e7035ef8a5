using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions: CRUD, duplicate, export (zip download) and import (zip upload).</summary>
    public sealed class DatasetVersionsClient : ApiClient
    {
        public DatasetVersionsClient(ApiConnection api) : base(api) { }

        public async Task<List<DatasetVersion>> GetAllAsync(string datasetId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<List<DatasetVersion>>(DatasetPaths.Versions(datasetId), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<DatasetVersion> GetAsync(string datasetId, string datasetVersionId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<DatasetVersion>(DatasetPaths.Version(datasetId, datasetVersionId), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<DatasetVersion> CreateAsync(string datasetId, DatasetVersion version, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<DatasetVersion>(DatasetPaths.Versions(datasetId), Ensure.NotNull(version, nameof(version)), Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<DatasetVersion> UpdateAsync(DatasetVersion version, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PutAsync<DatasetVersion>(DatasetPaths.Version(Ensure.NotNull(version, nameof(version)).DatasetId, version.Id), version, cancellationToken).ConfigureAwait(false), version.DatasetId);

        public async Task<DatasetVersion> DeleteAsync(string datasetId, string datasetVersionId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.DeleteAsync<DatasetVersion>(DatasetPaths.Version(datasetId, datasetVersionId), cancellationToken).ConfigureAwait(false), datasetId);

        /// <summary>Copies a version (labels, splits, items, annotations) into a new one (later SDKs).</summary>
        public async Task<DatasetVersion> DuplicateAsync(string datasetId, string datasetVersionId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<DatasetVersion>(DatasetPaths.Version(datasetId, datasetVersionId) + "/new", new JObject { ["dataset_id"] = datasetId }, Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId);

        /// <summary>Downloads the version (or one split) as a zip to <paramref name="zipPath"/>.</summary>
        public Task<FileInfo> ExportAsync(string datasetId, string datasetVersionId, string zipPath, string? splitId = null, DatasetFormat? format = null,
            bool overwrite = false, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var path = DatasetPaths.Version(datasetId, datasetVersionId) + "/download" + (string.IsNullOrEmpty(splitId) ? "" : "/" + ApiPath.Of(splitId!));
            if (format != null) path += "?format=" + format.Value.ToString().ToLowerInvariant();
            return Api.DownloadAsync(path, zipPath, overwrite, progress, cancellationToken);
        }

        /// <summary>Uploads a dataset zip into the version (the server reads the layout of <paramref name="format"/>, or detects it).</summary>
        public async Task<DatasetVersion> ImportAsync(string datasetId, string datasetVersionId, string zipPath, DatasetFormat? format = null,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var path = DatasetPaths.Version(datasetId, datasetVersionId) + "/upload" + (format == null ? "" : "/" + format.Value.ToString().ToLowerInvariant());
            var version = await Api.UploadAsync<DatasetVersion>(path, LocalFiles.RequireFile(zipPath), "application/x-zip-compressed", Idempotency.Create, progress, cancellationToken).ConfigureAwait(false);
            return Adopt(version, datasetId);
        }

        private static List<DatasetVersion> Adopt(List<DatasetVersion> versions, string datasetId)
        {
            foreach (var version in versions) Adopt(version, datasetId);
            return versions;
        }

        /// <summary>The version's labels and splits learn their dataset, so they can be piped on.</summary>
        private static DatasetVersion Adopt(DatasetVersion version, string datasetId)
        {
            if (string.IsNullOrEmpty(version.DatasetId)) version.DatasetId = datasetId;
            foreach (var label in version.Labels) label.DatasetId = version.DatasetId;
            foreach (var split in version.Splits) split.DatasetId = version.DatasetId;
            return version;
        }
    }
}
