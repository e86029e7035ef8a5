namespace SeeMe.Server.Endpoints;

public static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
