namespace SeeMe.Server.Endpoints;

public static class ModelVersionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
