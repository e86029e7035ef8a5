using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>GET applications: the framework catalogue.</summary>
public static class ApplicationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("applications", (Store store) => Reply.List(store.List(Kinds.Application)));
    }
}
