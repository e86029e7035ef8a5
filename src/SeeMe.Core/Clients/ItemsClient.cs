using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;
using SeeMe.Core.Exceptions;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions/{dv}/items: paged listing, CRUD, image upload and download.</summary>
    public sealed class ItemsClient : ApiClient
    {
        public ItemsClient(ApiConnection api) : base(api) { }

        /// <summary>One page (0-based <paramref name="page"/>, of <see cref="PagedQuery.PageSize"/> items) of the items matching the query.</summary>
        public async Task<List<DatasetItem>> GetPageAsync(string datasetId, string datasetVersionId, int page, ItemQuery? query = null, CancellationToken cancellationToken = default)
        {
            query ??= new ItemQuery();
            query.Validate();
            var path = ApiPath.WithQuery(DatasetPaths.Child(datasetId, datasetVersionId, "items"), new[]
            {
                new KeyValuePair<string, string?>("pageSize", query.PageSize.ToString()),
                new KeyValuePair<string, string?>("pageCount", page.ToString()),
                new KeyValuePair<string, string?>("onlyUnlabelled", query.OnlyUnlabelled ? "true" : null),
                new KeyValuePair<string, string?>("labelId", string.IsNullOrEmpty(query.LabelId) ? null : query.LabelId),
                new KeyValuePair<string, string?>("splitId", string.IsNullOrEmpty(query.SplitId) ? null : query.SplitId),
            });
            return Adopt(await Api.GetAsync<List<DatasetItem>>(path, cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);
        }

        /// <summary>The items matching the query (its Skip and First included), fetched page by page as they are consumed.</summary>
        public Pages<DatasetItem> GetAll(string datasetId, string datasetVersionId, ItemQuery? query = null)
        {
            query ??= new ItemQuery();
            Ensure.NotNullOrEmpty(datasetId, nameof(datasetId));
            Ensure.NotNullOrEmpty(datasetVersionId, nameof(datasetVersionId));
            return new Pages<DatasetItem>((page, ct) => GetPageAsync(datasetId, datasetVersionId, page, query, ct), query);
        }

        public async Task<DatasetItem> GetAsync(string datasetId, string datasetVersionId, string itemId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<DatasetItem>(Item(datasetId, datasetVersionId, itemId), cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);

        public async Task<DatasetItem> CreateAsync(string datasetId, string datasetVersionId, DatasetItem item, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<DatasetItem>(DatasetPaths.Child(datasetId, datasetVersionId, "items"), Ensure.NotNull(item, nameof(item)), Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);

        /// <summary>
        /// Creates the item and uploads its image, or leaves nothing: the file is checked first (it exists, is not
        /// empty, is the picture its extension says), and when the upload fails or is cancelled after the item was
        /// created, the item is deleted again. Should that delete fail too, the error names the item that is left.
        /// </summary>
        public async Task<DatasetItem> CreateWithImageAsync(string datasetId, string datasetVersionId, DatasetItem item, string imagePath,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            LocalFiles.RequireImage(imagePath);
            var created = await CreateAsync(datasetId, datasetVersionId, item, cancellationToken).ConfigureAwait(false);
            try
            {
                return await UploadImageAsync(datasetId, datasetVersionId, created.Id, imagePath, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception uploadFailure)
            {
                await RemoveHalfMadeAsync(created, uploadFailure).ConfigureAwait(false);
                throw;
            }
        }

        private async Task RemoveHalfMadeAsync(DatasetItem created, Exception uploadFailure)
        {
            try
            {
                // Not the caller's token: a Ctrl+C that stopped the upload must still take the bare item away.
                await DeleteAsync(created.DatasetId, created.DatasetVersionId, created.Id, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SeeMeApiException deleteFailure)
            {
                throw new SeeMeApiException(deleteFailure.StatusCode,
                    $"The image of item '{created.Name}' ({created.Id}) was not uploaded ({uploadFailure.Message}), and removing the item " +
                    $"failed too ({deleteFailure.ServerMessage}). Upload its image with Set-SeeMeDatasetItemImage, or remove it with Remove-SeeMeDatasetItem.",
                    deleteFailure.Method, deleteFailure.Path, uploadFailure, deleteFailure.Attempts);
            }
        }

        /// <summary>PUT the full item; the server reconciles its annotations (new ones created, missing ones deleted).</summary>
        public async Task<DatasetItem> UpdateAsync(DatasetItem item, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(item, nameof(item));
            var updated = await Api.PutAsync<DatasetItem>(Item(item.DatasetId, item.DatasetVersionId, item.Id), item, cancellationToken).ConfigureAwait(false);
            return Adopt(updated, item.DatasetId, item.DatasetVersionId);
        }

        /// <summary>
        /// With <paramref name="splitId"/>: DELETE .../splits/{split}/items/{id} (later SDKs), which
        /// removes the item from that split (the service deletes an item left in no split). Without:
        /// DELETE .../items/{id} (0.13.7), which deletes the item.
        /// </summary>
        public async Task<DatasetItem> DeleteAsync(string datasetId, string datasetVersionId, string itemId, string? splitId = null, CancellationToken cancellationToken = default)
        {
            var path = string.IsNullOrEmpty(splitId)
                ? Item(datasetId, datasetVersionId, itemId)
                : DatasetPaths.Child(datasetId, datasetVersionId, "splits", splitId) + "/items/" + ApiPath.Of(Ensure.NotNullOrEmpty(itemId, nameof(itemId)));
            return Adopt(await Api.DeleteAsync<DatasetItem>(path, cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);
        }

        /// <summary>
        /// Deletes the item the way the newer SDK does: removes it from each of its splits through
        /// .../splits/{split}/items/{id}; removed from its last split, the item is deleted with its
        /// image and annotations. Only an item in no split goes through the 0.13.7 route .../items/{id}.
        /// Returns the item as the last call replied.
        /// </summary>
        public async Task<DatasetItem> DeleteAsync(DatasetItem item, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(item, nameof(item));
            if (item.Splits.Count == 0) return await DeleteAsync(item.DatasetId, item.DatasetVersionId, item.Id, null, cancellationToken).ConfigureAwait(false);
            DatasetItem? deleted = null;
            foreach (var split in item.Splits)
                deleted = await DeleteAsync(item.DatasetId, item.DatasetVersionId, item.Id, Ensure.NotNullOrEmpty(split.Id, "split.Id"), cancellationToken).ConfigureAwait(false);
            return deleted!;
        }

        public async Task<DatasetItem> UploadImageAsync(string datasetId, string datasetVersionId, string itemId, string imagePath,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Adopt(await Api.UploadAsync<DatasetItem>(Item(datasetId, datasetVersionId, itemId) + "/upload", LocalFiles.RequireImage(imagePath),
                LocalFiles.ImageContentType(imagePath), Idempotency.Repeatable, progress, cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);

        /// <summary>Saves the item's image (or its thumbnail) in <paramref name="folder"/> as name.extension (id.extension when unnamed).</summary>
        public Task<FileInfo> DownloadImageAsync(DatasetItem item, string folder, bool thumbnail = false, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            DownloadImageToFileAsync(item, Path.Combine(folder, ImageFileName(Ensure.NotNull(item, nameof(item)), thumbnail)), thumbnail, overwrite, progress, cancellationToken);

        /// <summary>Saves the item's image (or its thumbnail) as <paramref name="targetFile"/> (a failed download leaves no file).</summary>
        public Task<FileInfo> DownloadImageToFileAsync(DatasetItem item, string targetFile, bool thumbnail = false, bool overwrite = false,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Api.DownloadAsync(ImagePath(item, thumbnail), targetFile, overwrite, progress, cancellationToken);

        /// <summary>The item's image (or its thumbnail) in memory, with its content type.</summary>
        public Task<DownloadedContent> GetImageAsync(DatasetItem item, bool thumbnail = false, CancellationToken cancellationToken = default) =>
            Api.DownloadContentAsync(ImagePath(item, thumbnail), cancellationToken);

        /// <summary>The export layout's file name: name.extension, or id.extension when the name is empty.</summary>
        public static string ImageFileName(DatasetItem item, bool thumbnail = false)
        {
            var stem = LocalFiles.SafeFileName(string.IsNullOrEmpty(item.Name) ? item.Id : item.Name, item.Id);
            var extension = string.IsNullOrEmpty(item.Extension) ? "jpg" : item.Extension.TrimStart('.');
            if (stem.EndsWith("." + extension, StringComparison.OrdinalIgnoreCase)) stem = stem.Substring(0, stem.Length - extension.Length - 1);
            return stem + (thumbnail ? "_thumbnail." : ".") + extension;
        }

        private static string Item(string datasetId, string datasetVersionId, string itemId) => DatasetPaths.Child(datasetId, datasetVersionId, "items", itemId);

        private static string ImagePath(DatasetItem item, bool thumbnail) =>
            Item(Ensure.NotNull(item, nameof(item)).DatasetId, item.DatasetVersionId, item.Id) + "/download" + (thumbnail ? "?thumbnail=true" : "");

        private static List<DatasetItem> Adopt(List<DatasetItem> items, string datasetId, string datasetVersionId)
        {
            foreach (var item in items) Adopt(item, datasetId, datasetVersionId);
            return items;
        }

        internal static DatasetItem Adopt(DatasetItem item, string datasetId, string datasetVersionId)
        {
            item.DatasetId = datasetId;
            item.DatasetVersionId = datasetVersionId;
            foreach (var split in item.Splits) split.DatasetId = datasetId;
            foreach (var annotation in item.Annotations)
            {
                annotation.DatasetId = datasetId;
                annotation.DatasetVersionId = datasetVersionId;
            }
            VersionNames.ApplySplitsOf(item);
            return item;
        }
    }
}
