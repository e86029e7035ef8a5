namespace SeeMe.Server.Endpoints;

public static class DatasetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
