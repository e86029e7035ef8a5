using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>
    /// models/{id}/share and datasets/{id}/share (later SDKs). Models and datasets can be shared;
    /// only a model's shares can be listed and removed (the API has no such calls for datasets).
    /// </summary>
    public sealed class SharesClient : ApiClient
    {
        public SharesClient(ApiConnection api) : base(api) { }

        /// <summary>Shares with an e-mail address; as in the SDK, no invitation e-mail unless <paramref name="withoutInvite"/> is false.</summary>
        public Task<Share> ShareAsync(ShareTarget target, string entityId, string email, bool withoutInvite = true, CancellationToken cancellationToken = default)
        {
            var share = new Share { Email = Ensure.NotNullOrEmpty(email, nameof(email)), EntityType = Collection(target), EntityId = entityId, WithoutInvite = withoutInvite };
            return Api.PostAsync<Share>(Path(target, entityId), share, Idempotency.Create, cancellationToken);
        }

        /// <summary>Who a model is shared with.</summary>
        public Task<List<Share>> GetModelSharesAsync(string modelId, CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<Share>>(Path(ShareTarget.Model, modelId), cancellationToken);

        /// <summary>Stops sharing a model with the person of <paramref name="shareId"/>.</summary>
        public Task<Share> DeleteModelShareAsync(string modelId, string shareId, CancellationToken cancellationToken = default) =>
            Api.DeleteAsync<Share>(Path(ShareTarget.Model, modelId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(shareId, nameof(shareId))), cancellationToken);

        private static string Collection(ShareTarget target) => target == ShareTarget.Model ? "models" : "datasets";

        private static string Path(ShareTarget target, string entityId) =>
            ApiPath.Of(Collection(target), Ensure.NotNullOrEmpty(entityId, nameof(entityId)), "share");
    }
}
