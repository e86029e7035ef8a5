using System.Security.Cryptography;
using System.Text;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Http;

/// <summary>
/// Checks <c>Authorization: username:apikey</c> (raw, no scheme word) on every API request except
/// register and login; the key is compared in constant time and never logged.
/// </summary>
public sealed class AuthMiddleware(RequestDelegate next, Store store)
{
    private const string CallerKey = "seeme.caller";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var open = path.Equals("/api/v1/register", StringComparison.OrdinalIgnoreCase)
                   || path.Equals("/api/v1/login", StringComparison.OrdinalIgnoreCase)
                   || !path.StartsWith("/api/v1/", StringComparison.OrdinalIgnoreCase);
        if (!open)
        {
            context.Items[CallerKey] = Authenticate(context.Request.Headers.Authorization.ToString());
        }
        await next(context);
    }

    /// <summary>The authenticated caller of this request.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Items[CallerKey] as Caller ?? throw new ApiException(401, "Not authenticated.");

    private Caller Authenticate(string header)
    {
        const string hint = "Send the header 'Authorization: <username>:<apikey>'.";
        if (string.IsNullOrWhiteSpace(header)) throw new ApiException(401, "Missing Authorization header. " + hint);
        var colon = header.IndexOf(':');
        if (colon <= 0 || colon == header.Length - 1) throw new ApiException(401, "Malformed Authorization header. " + hint);
        var username = header[..colon].Trim();
        var apiKey = header[(colon + 1)..].Trim();

        var user = store.FindUserByUsername(username);
        var expected = (string?)user?["apikey"] ?? "";
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(expected));
        if (user is null || !matches) throw new ApiException(401, "Unknown username or API key.");
        return new Caller((string)user["id"]!, username, (string?)user["email"] ?? "");
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) => AuthMiddleware.CallerOf(context);
}
