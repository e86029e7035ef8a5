using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>register, login, DELETE users/{userId}.</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("register", Register);
        api.MapPost("login", Login);
        api.MapDelete("users/{userId}", DeleteUser);
    }

    // The SDK reads the register reply without looking at the status: a failure must carry
    // "message" (and "severity", "registration"), a success must not.
    private static async Task<IResult> Register(HttpRequest request, Store store)
    {
        try
        {
            var body = await request.ReadJsonBodyAsync();
            string Field(string key) => body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
            var password = body["password"] is JsonValue p && p.TryGetValue<string>(out var pw) ? pw : "";
            var user = Accounts.Register(store, Field("username"), Field("email"), password, Field("firstname"), Field("name"));
            return Reply.Json(Accounts.ToReply(user));
        }
        catch (Exception e) when (ErrorMiddleware.ClientStatusOf(e) is { } status)
        {
            return Results.Content(new JsonObject { ["message"] = e.Message, ["severity"] = "error", ["registration"] = false }.ToJsonString(),
                "application/json", statusCode: status);
        }
    }

    private static async Task<IResult> Login(HttpRequest request, Store store)
    {
        var body = await request.ReadJsonBodyAsync();
        return Reply.Json(Accounts.ToLoginReply(Accounts.Login(store, body.Str("username"), body.Str("password"))));
    }

    private static IResult DeleteUser([AsParameters] UserRequest r)
    {
        if (r.UserId != r.Context.Caller().Id) throw ApiException.Forbidden("You can only delete your own user.");
        var user = r.Store.Get(Kinds.User, r.UserId) ?? throw ApiException.NotFound("User", r.UserId);
        r.Store.Delete(Kinds.User, r.UserId);
        return Reply.Json(Accounts.ToReply(user));
    }
}

/// <summary>What DELETE users/{userId} takes.</summary>
public sealed class UserRequest
{
    [FromRoute] public string UserId { get; init; } = "";
    public HttpContext Context { get; init; } = null!;
    [FromServices] public Store Store { get; init; } = null!;
}
