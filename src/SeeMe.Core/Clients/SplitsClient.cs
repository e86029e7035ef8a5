using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>datasets/{ds}/versions/{dv}/splits.</summary>
    public sealed class SplitsClient : VersionChildClient<DatasetSplit>
    {
        public SplitsClient(ApiConnection api) : base(api, "splits") { }
    }
}
