using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>GET applications: the framework catalogue.</summary>
public static class ApplicationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("applications", ([AsParameters] ApiRequest r) => Reply.List(r.Store.List(Kinds.Application)));
    }
}
