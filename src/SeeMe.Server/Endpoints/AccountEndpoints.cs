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
    private static async Task<IResult> Register([AsParameters] ApiRequest r)
    {
        try
        {
            var body = await r.Request.ReadJsonBodyAsync();
            string Field(string key) => body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
            var password = body["password"] is JsonValue p && p.TryGetValue<string>(out var pw) ? pw : "";
            var user = Accounts.Register(r.Store, Field("username"), Field("email"), password, Field("firstname"), Field("name"));
            return Reply.Json(Accounts.ToReply(user));
        }
        catch (Exception e) when (ErrorMiddleware.ClientStatusOf(e) is { } status)
        {
            return Results.Content(new JsonObject { ["message"] = e.Message, ["severity"] = "error", ["registration"] = false }.ToJsonString(),
                "application/json", statusCode: status);
        }
    }

    private static async Task<IResult> Login([AsParameters] ApiRequest r)
    {
        var body = await r.Request.ReadJsonBodyAsync();
        return Reply.Json(Accounts.ToLoginReply(Accounts.Login(r.Store, body.Str("username"), body.Str("password"))));
    }

    private static IResult DeleteUser([AsParameters] UserRequest r)
    {
        if (r.UserId != r.Caller.Id) throw ApiException.Forbidden("You can only delete your own user.");
        var user = r.Store.Get(Kinds.User, r.UserId) ?? throw ApiException.NotFound("User", r.UserId);
        r.Store.Delete(Kinds.User, r.UserId);
        return Reply.Json(Accounts.ToReply(user));
    }
}

/// <summary>What DELETE users/{userId} takes.</summary>
public sealed class UserRequest : ApiRequest
{
    [FromRoute] public string UserId { get; init; } = "";
}
