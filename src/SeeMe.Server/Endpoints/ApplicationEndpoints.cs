namespace SeeMe.Server.Endpoints;

public static class ApplicationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}

/// <summary>The application (framework) catalogue seeded into a fresh data folder.</summary>
public static class ApplicationCatalogue
{
    public static void EnsureSeeded(SeeMe.Server.Storage.Store store)
    {
    }
}
