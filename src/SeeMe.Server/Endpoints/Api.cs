using SeeMe.Server.Http;

namespace SeeMe.Server.Endpoints;

/// <summary>The HTTP surface: the middleware in order, every route under /api/v1, and a JSON 404 for the rest.</summary>
public static class Api
{
    public static void Map(WebApplication app)
    {
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<AuthMiddleware>();
        MapRoutes(app.MapGroup("/api/v1"));
        app.MapFallback((HttpContext ctx) => throw new ApiException(404, $"No such endpoint: {ctx.Request.Method} {ctx.Request.Path}."));
    }

    private static void MapRoutes(RouteGroupBuilder api)
    {
        AccountEndpoints.Map(api);
        ApplicationEndpoints.Map(api);
        ModelEndpoints.Map(api);
        ModelVersionEndpoints.Map(api);
        PredictionEndpoints.Map(api);
        ShareEndpoints.Map(api);
        JobEndpoints.Map(api);
        DatasetEndpoints.Map(api);
        var version = api.MapGroup(VersionRequest.Route);
        DatasetVersionEndpoints.Map(api, version);
        SplitEndpoints.Map(version);
        LabelEndpoints.Map(version);
        ItemEndpoints.Map(version);
        AnnotationEndpoints.Map(version);
    }
}
