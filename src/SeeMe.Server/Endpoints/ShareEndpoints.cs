namespace SeeMe.Server.Endpoints;

public static class ShareEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
