namespace SeeMe.Server.Endpoints;

public static class AnnotationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
