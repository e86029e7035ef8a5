using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Models;

namespace SeeMe.Core.Clients
{
    /// <summary>models/{id}/share and datasets/{id}/share (later SDKs).</summary>
    public sealed class SharesClient : ApiClient
    {
        public SharesClient(ApiConnection api) : base(api) { }

        public Task<Share> ShareAsync(ShareTarget target, string entityId, string email, bool withoutInvite = false, CancellationToken cancellationToken = default)
        {
            var share = new Share { Email = Ensure.NotNullOrEmpty(email, nameof(email)), EntityType = Collection(target), EntityId = entityId, WithoutInvite = withoutInvite };
            return Api.PostAsync<Share>(Path(target, entityId), share, Idempotency.Create, cancellationToken);
        }

        public Task<List<Share>> GetAllAsync(ShareTarget target, string entityId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<Share>>(Path(target, entityId), cancellationToken);

        public Task<Share> DeleteAsync(ShareTarget target, string entityId, string shareId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<Share>(Path(target, entityId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(shareId, nameof(shareId))), cancellationToken);

        private static string Collection(ShareTarget target) => target == ShareTarget.Model ? "models" : "datasets";

        private static string Path(ShareTarget target, string entityId) =>
            ApiPath.Of(Collection(target), Ensure.NotNullOrEmpty(entityId, nameof(entityId)), "share");
    }

    /// <summary>What can be shared.</summary>
    public enum ShareTarget
    {
        Model,
        Dataset,
    }
}
