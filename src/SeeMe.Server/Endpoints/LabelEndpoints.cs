namespace SeeMe.Server.Endpoints;

public static class LabelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
