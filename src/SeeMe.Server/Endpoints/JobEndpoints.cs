namespace SeeMe.Server.Endpoints;

public static class JobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
