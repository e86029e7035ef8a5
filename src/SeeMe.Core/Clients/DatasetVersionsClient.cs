using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions: CRUD, duplicate, export (zip download) and import (zip upload).</summary>
    public sealed class DatasetVersionsClient : ApiClient
    {
        public DatasetVersionsClient(ApiConnection api) : base(api) { }

        public Task<List<DatasetVersion>> GetAllAsync(string datasetId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<DatasetVersion>>(DatasetPaths.Versions(datasetId), cancellationToken);

        public Task<DatasetVersion> GetAsync(string datasetId, string versionId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<DatasetVersion>(DatasetPaths.Version(datasetId, versionId), cancellationToken);

        public Task<DatasetVersion> CreateAsync(string datasetId, DatasetVersion version, CancellationToken cancellationToken = default) =>
            Api.PostAsync<DatasetVersion>(DatasetPaths.Versions(datasetId), Ensure.NotNull(version, nameof(version)), cancellationToken);

        public Task<DatasetVersion> UpdateAsync(DatasetVersion version, CancellationToken cancellationToken = default) =>
            Api.PutAsync<DatasetVersion>(DatasetPaths.Version(Ensure.NotNull(version, nameof(version)).DatasetId, version.Id), version, cancellationToken);

        public Task<DatasetVersion> DeleteAsync(string datasetId, string versionId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<DatasetVersion>(DatasetPaths.Version(datasetId, versionId), cancellationToken);

        /// <summary>Copies a version (labels, splits, items, annotations) into a new one (later SDKs).</summary>
        public Task<DatasetVersion> DuplicateAsync(string datasetId, string versionId, CancellationToken cancellationToken = default) =>
            Api.PostAsync<DatasetVersion>(DatasetPaths.Version(datasetId, versionId) + "/new", new JObject { ["dataset_id"] = datasetId }, cancellationToken);

        /// <summary>Downloads the version (or one split) as a zip to <paramref name="zipPath"/>.</summary>
        public Task<FileInfo> ExportAsync(string datasetId, string versionId, string zipPath, string? splitId = null, DatasetFormat? format = null,
            bool overwrite = false, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var path = DatasetPaths.Version(datasetId, versionId) + "/download" + (string.IsNullOrEmpty(splitId) ? "" : "/" + ApiPath.Of(splitId!));
            if (format != null) path += "?format=" + format.Value.ToString().ToLowerInvariant();
            return Api.DownloadAsync(path, zipPath, overwrite, progress, cancellationToken);
        }

        /// <summary>Uploads a dataset zip into the version (the server reads the layout of <paramref name="format"/>, or detects it).</summary>
        public Task<DatasetVersion> ImportAsync(string datasetId, string versionId, string zipPath, DatasetFormat? format = null,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var path = DatasetPaths.Version(datasetId, versionId) + "/upload" + (format == null ? "" : "/" + format.Value.ToString().ToLowerInvariant());
            return Api.UploadAsync<DatasetVersion>(path, LocalFiles.RequireFile(zipPath), "application/x-zip-compressed", progress, cancellationToken);
        }
    }

    /// <summary>The zip layouts of dataset export and import.</summary>
    public enum DatasetFormat
    {
        /// <summary>One folder per split, one sub-folder per label (image and text classification).</summary>
        Folders,
        /// <summary>YOLO text files per image, a .names file and config.json (object detection).</summary>
        Yolo,
        /// <summary>One CSV file (structured data).</summary>
        Csv,
    }

    /// <summary>The paths under datasets/{ds}/versions/{dv}.</summary>
    internal static class DatasetPaths
    {
        public static string Versions(string datasetId) =>
            ApiPath.Of("datasets", Ensure.NotNullOrEmpty(datasetId, nameof(datasetId)), "versions");

        public static string Version(string datasetId, string versionId) =>
            Versions(datasetId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(versionId, "datasetVersionId"));

        public static string Child(string datasetId, string versionId, string collection, string? id = null) =>
            Version(datasetId, versionId) + "/" + collection + (id == null ? "" : "/" + ApiPath.Of(Ensure.NotNullOrEmpty(id, "id")));
    }
}
