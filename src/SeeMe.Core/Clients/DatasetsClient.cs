using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets: CRUD and logo.</summary>
    public sealed class DatasetsClient : ApiClient
    {
        public DatasetsClient(ApiConnection api) : base(api) { }

        public Task<List<Dataset>> GetAllAsync(CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<Dataset>>("datasets", cancellationToken);

        public Task<Dataset> GetAsync(string datasetId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<Dataset>(Path(datasetId), cancellationToken);

        /// <summary>Creates a dataset; the server creates its first version (and train/valid/test with DefaultSplits).</summary>
        public Task<Dataset> CreateAsync(Dataset dataset, CancellationToken cancellationToken = default) =>
            Api.PostAsync<Dataset>("datasets", Ensure.NotNull(dataset, nameof(dataset)), Idempotency.Create, cancellationToken);

        public Task<Dataset> UpdateAsync(Dataset dataset, CancellationToken cancellationToken = default) =>
            Api.PutAsync<Dataset>(Path(Ensure.NotNull(dataset, nameof(dataset)).Id), dataset, cancellationToken);

        public Task<Dataset> DeleteAsync(string datasetId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<Dataset>(Path(datasetId), cancellationToken);

        public Task<Dataset> UploadLogoAsync(string datasetId, string imagePath, CancellationToken cancellationToken = default) =>
            Api.UploadAsync<Dataset>(Path(datasetId) + "/upload", LocalFiles.RequireFile(imagePath), LocalFiles.ImageContentType(imagePath), Idempotency.Repeatable, null, cancellationToken);

        /// <summary>Saves the logo in <paramref name="folder"/> under the dataset's <c>logo</c> name (bare file name only).</summary>
        public Task<FileInfo> DownloadLogoAsync(Dataset dataset, string folder, bool overwrite = false, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(dataset, nameof(dataset));
            var target = System.IO.Path.Combine(folder, LocalFiles.SafeFileName(dataset.Logo, "logo.png"));
            return Api.DownloadAsync(Path(dataset.Id) + "/logo", target, overwrite, null, cancellationToken);
        }

        private static string Path(string datasetId) => ApiPath.Of("datasets", Ensure.NotNullOrEmpty(datasetId, nameof(datasetId)));
    }
}
