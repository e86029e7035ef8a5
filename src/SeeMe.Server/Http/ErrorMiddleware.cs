using System.Text.Encodings.Web;
using System.Text.Json;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Http;

/// <summary>
/// Turns every failure into a JSON <c>{"message": ...}</c> reply: client mistakes are 4xx with a
/// message that says what is wrong; only a real server fault is a 500 (logged, without details).
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (ClientStatusOf(e) is { } status)
        {
            await ReplyAsync(context, status, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await ReplyAsync(context, 413, "The body is larger than this server accepts: a file upload up to --max-upload-mb, any other body up to --max-json-mb.");
        }
        catch (BadHttpRequestException e)
        {
            await ReplyAsync(context, e.StatusCode, "Bad request: " + e.Message);
        }
        catch (JsonException e)
        {
            await ReplyAsync(context, 400, "The body is not valid JSON: " + e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ReplyAsync(context, 500, "Internal server error.");
        }
    }

    /// <summary>The status of a client mistake or refusal (an <see cref="ApiException"/> or a <see cref="DomainException"/>); null for anything else.</summary>
    public static int? ClientStatusOf(Exception e) => e switch
    {
        ApiException api => api.Status,
        DomainException domain => StatusOf(domain.Error),
        _ => null,
    };

    /// <summary>The one place a domain error becomes an HTTP status.</summary>
    public static int StatusOf(DomainError error) => error switch
    {
        DomainError.NotFound => StatusCodes.Status404NotFound,
        DomainError.Invalid => StatusCodes.Status400BadRequest,
        DomainError.NotAllowed => StatusCodes.Status403Forbidden,
        DomainError.BadCredentials => StatusCodes.Status401Unauthorized,
        DomainError.ModelCannotRun => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "A domain error without a status."),
    };

    // Messages are read by people with curl too: keep quotes and <> readable (the reply is JSON, never HTML).
    private static readonly JsonSerializerOptions MessageJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task ReplyAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { message }, MessageJson));
    }
}
