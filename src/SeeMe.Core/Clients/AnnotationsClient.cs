using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions/{dv}/annotations (later SDKs; 0.13.7 edits annotations through the item).</summary>
    public sealed class AnnotationsClient : ApiClient
    {
        public AnnotationsClient(ApiConnection api) : base(api) { }

        public async Task<Annotation> CreateAsync(string datasetId, string datasetVersionId, Annotation annotation, CancellationToken cancellationToken = default) =>
            Adopt(await Api.PostAsync<Annotation>(DatasetPaths.Child(datasetId, datasetVersionId, "annotations"), Ensure.NotNull(annotation, nameof(annotation)), Idempotency.Create, cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);

        public async Task<Annotation> UpdateAsync(Annotation annotation, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(annotation, nameof(annotation));
            var path = DatasetPaths.Child(annotation.DatasetId, annotation.DatasetVersionId, "annotations", annotation.Id);
            return Adopt(await Api.PutAsync<Annotation>(path, annotation, cancellationToken).ConfigureAwait(false), annotation.DatasetId, annotation.DatasetVersionId);
        }

        public async Task<Annotation> DeleteAsync(string datasetId, string datasetVersionId, string annotationId, CancellationToken cancellationToken = default) =>
            Adopt(await Api.DeleteAsync<Annotation>(DatasetPaths.Child(datasetId, datasetVersionId, "annotations", annotationId), cancellationToken).ConfigureAwait(false), datasetId, datasetVersionId);

        private static Annotation Adopt(Annotation annotation, string datasetId, string datasetVersionId)
        {
            annotation.DatasetId = datasetId;
            annotation.DatasetVersionId = datasetVersionId;
            return annotation;
        }
    }
}
