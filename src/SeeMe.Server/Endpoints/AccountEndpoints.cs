using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>register, login, DELETE users/{id}.</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("register", Register);
        api.MapPost("login", Login);
        api.MapDelete("users/{id}", DeleteUser);
    }

    // The SDK reads the register reply without looking at the status: a failure must carry
    // "message" (and "severity", "registration"), a success must not.
    private static async Task<IResult> Register(HttpRequest request, Store store)
    {
        JsonObject body;
        try { body = await request.ReadJsonObjectAsync(); }
        catch (ApiException e) { return RegistrationFailed(e.Message); }

        string Field(string key) => body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
        var username = Field("username");
        var email = Field("email");
        var password = body["password"] is JsonValue p && p.TryGetValue<string>(out var pw) ? pw : "";
        if (username.Length == 0) return RegistrationFailed("A username is required.");
        if (username.Contains(':')) return RegistrationFailed("A username cannot contain ':'.");
        if (!email.Contains('@')) return RegistrationFailed("A valid e-mail address is required.");
        if (password.Length < 8) return RegistrationFailed("The password needs at least 8 characters.");

        lock (RegisterGate)
        {
            var users = store.List(Kinds.User);
            if (users.Any(u => string.Equals(u.Str("username"), username, StringComparison.OrdinalIgnoreCase)))
                return RegistrationFailed($"The username '{username}' is taken.");
            if (users.Any(u => string.Equals(u.Str("email"), email, StringComparison.OrdinalIgnoreCase)))
                return RegistrationFailed($"The e-mail address '{email}' is already registered.");
            var user = Accounts.CreateUser(store, username, email, password, Field("firstname"), Field("name"), apiKey: null);
            return Reply.Json(Accounts.ToReply(user));
        }
    }

    private static readonly object RegisterGate = new();

    private static IResult RegistrationFailed(string message) =>
        Results.Content(new JsonObject { ["message"] = message, ["severity"] = "error", ["registration"] = false }.ToJsonString(),
            "application/json", statusCode: 400);

    private static async Task<IResult> Login(HttpRequest request, Store store)
    {
        var body = await request.ReadJsonObjectAsync();
        var username = body.Str("username");
        var password = body.Str("password");
        var user = store.FindBy(Kinds.User, "username", username);
        if (user is null || !Accounts.PasswordMatches(user, password))
            throw new ApiException(401, "Unknown username or wrong password.");
        var reply = new JsonObject();
        foreach (var key in new[] { "id", "username", "name", "email", "firstname", "apikey" }) reply[key] = user.Str(key);
        return Reply.Json(reply);
    }

    private static IResult DeleteUser(HttpContext context, string id, Store store)
    {
        var caller = context.Caller();
        if (id != caller.Id) throw ApiException.Forbidden("You can only delete your own user.");
        var user = store.Get(Kinds.User, id) ?? throw ApiException.NotFound("User", id);
        store.Delete(Kinds.User, id);
        return Reply.Json(Accounts.ToReply(user));
    }
}

/// <summary>Users: creation with a PBKDF2 password hash and a random API key.</summary>
public static class Accounts
{
    private const int Iterations = 210_000;

    public static JsonObject CreateUser(Store store, string username, string email, string password, string firstname, string name, string? apiKey)
    {
        var user = Entities.Create(Kinds.User);
        user["username"] = username;
        user["email"] = email;
        user["firstname"] = firstname;
        user["name"] = name;
        user["apikey"] = apiKey ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        var salt = RandomNumberGenerator.GetBytes(16);
        user["password_salt"] = Convert.ToBase64String(salt);
        user["password_hash"] = Convert.ToBase64String(Hash(password, salt));
        user["user_id"] = user.Str("id");
        store.Put(Kinds.User, user);
        return user;
    }

    public static bool PasswordMatches(JsonObject user, string password)
    {
        try
        {
            var salt = Convert.FromBase64String(user.Str("password_salt"));
            var expected = Convert.FromBase64String(user.Str("password_hash"));
            return CryptographicOperations.FixedTimeEquals(Hash(password, salt), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The User object of the API: never the password hash.</summary>
    public static JsonObject ToReply(JsonObject user)
    {
        var reply = new JsonObject();
        foreach (var key in new[] { "id", "created_at", "updated_at", "username", "email", "name", "firstname", "apikey" })
            reply[key] = user.Str(key);
        return reply;
    }

    private static byte[] Hash(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
}
