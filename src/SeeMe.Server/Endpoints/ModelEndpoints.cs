namespace SeeMe.Server.Endpoints;

public static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
