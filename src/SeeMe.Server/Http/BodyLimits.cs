using Microsoft.AspNetCore.Http.Features;

namespace SeeMe.Server.Http;

/// <summary>
/// Kestrel's request body limit, per request: every request may send at most a JSON body
/// (<see cref="ServerOptions.MaxJsonBytes"/>), and only a route that reads an upload raises it to
/// <see cref="ServerOptions.MaxUploadBytes"/> (<see cref="AllowUpload"/>), just before reading.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, ServerOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        SetLimit(context, options.MaxJsonBytes);
        return next(context);
    }

    /// <summary>Lets this request's body be as large as an upload may be.</summary>
    public static void AllowUpload(HttpContext context) =>
        SetLimit(context, context.RequestServices.GetRequiredService<ServerOptions>().MaxUploadBytes);

    private static void SetLimit(HttpContext context, long limit)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
    }
}
