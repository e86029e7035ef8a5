using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>
    /// CRUD for an entity kept under datasets/{ds}/versions/{dv}/{collection} (splits, labels).
    /// Every object returned knows its dataset, so it can be piped on.
    /// </summary>
    public abstract class VersionChildClient<T> : ApiClient where T : DatasetVersionChild
    {
        private readonly string _collection;

        protected VersionChildClient(ApiConnection api, string collection) : base(api) => _collection = collection;

        public async Task<List<T>> GetAllAsync(string datasetId, string datasetVersionId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<List<T>>(DatasetPaths.Child(datasetId, datasetVersionId, _collection), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> GetAsync(string datasetId, string datasetVersionId, string id, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<T>(DatasetPaths.Child(datasetId, datasetVersionId, _collection, id), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> CreateAsync(string datasetId, string datasetVersionId, T entity, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<T>(DatasetPaths.Child(datasetId, datasetVersionId, _collection), Ensure.NotNull(entity, nameof(entity)), Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> UpdateAsync(string datasetId, string datasetVersionId, T entity, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PutAsync<T>(DatasetPaths.Child(datasetId, datasetVersionId, _collection, Ensure.NotNull(entity, nameof(entity)).Id), entity, cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> DeleteAsync(string datasetId, string datasetVersionId, string id, CancellationToken cancellationToken = default) =>
            Adopt(await Api.DeleteAsync<T>(DatasetPaths.Child(datasetId, datasetVersionId, _collection, id), cancellationToken).ConfigureAwait(false), datasetId);

        private static List<T> Adopt(List<T> entities, string datasetId)
        {
            foreach (var entity in entities) Adopt(entity, datasetId);
            return entities;
        }

        private static T Adopt(T entity, string datasetId)
        {
            entity.DatasetId = datasetId;
            return entity;
        }
    }
}
