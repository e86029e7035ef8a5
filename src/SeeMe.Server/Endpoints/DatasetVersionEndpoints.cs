namespace SeeMe.Server.Endpoints;

public static class DatasetVersionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
