using SeeMe.Core.Http;

namespace SeeMe.Core.Clients
{
    /// <summary>Base of the resource clients: each holds the shared <see cref="ApiConnection"/>.</summary>
    public abstract class ApiClient
    {
        protected ApiClient(ApiConnection api) => Api = api;

        protected ApiConnection Api { get; }
    }
}
