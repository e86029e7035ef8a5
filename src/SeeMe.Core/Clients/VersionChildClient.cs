using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

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

        public async Task<List<T>> GetAllAsync(string datasetId, string versionId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<List<T>>(DatasetPaths.Child(datasetId, versionId, _collection), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> GetAsync(string datasetId, string versionId, string id, CancellationToken cancellationToken = default) =>
            Adopt(await Api.GetAsync<T>(DatasetPaths.Child(datasetId, versionId, _collection, id), cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> CreateAsync(string datasetId, string versionId, T entity, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<T>(DatasetPaths.Child(datasetId, versionId, _collection), Ensure.NotNull(entity, nameof(entity)), Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> UpdateAsync(string datasetId, string versionId, T entity, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PutAsync<T>(DatasetPaths.Child(datasetId, versionId, _collection, Ensure.NotNull(entity, nameof(entity)).Id), entity, cancellationToken).ConfigureAwait(false), datasetId);

        public async Task<T> DeleteAsync(string datasetId, string versionId, string id, CancellationToken cancellationToken = default) =>
            Adopt(await Api.DeleteAsync<T>(DatasetPaths.Child(datasetId, versionId, _collection, id), cancellationToken).ConfigureAwait(false), datasetId);

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

    /// <summary>datasets/{ds}/versions/{dv}/splits.</summary>
    public sealed class SplitsClient : VersionChildClient<DatasetSplit>
    {
        public SplitsClient(ApiConnection api) : base(api, "splits") { }
    }

    /// <summary>datasets/{ds}/versions/{dv}/labels, and label statistics per split.</summary>
    public sealed class LabelsClient : VersionChildClient<DatasetLabel>
    {
        public LabelsClient(ApiConnection api) : base(api, "labels") { }

        /// <summary>Counts per label in a split; the entry with an empty LabelId counts unlabelled items.</summary>
        public Task<List<LabelStat>> GetStatsAsync(string datasetId, string versionId, string splitId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<LabelStat>>(DatasetPaths.Child(datasetId, versionId, "labels/splits", splitId), cancellationToken);
    }
}
