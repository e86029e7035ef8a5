using System.Text.Encodings.Web;
using System.Text.Json;

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
        catch (ApiException e)
        {
            await ReplyAsync(context, e.Status, e.Message);
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
