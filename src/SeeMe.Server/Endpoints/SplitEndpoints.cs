namespace SeeMe.Server.Endpoints;

public static class SplitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
