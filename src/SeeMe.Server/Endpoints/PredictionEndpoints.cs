namespace SeeMe.Server.Endpoints;

public static class PredictionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
