using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain;

/// <summary>
/// Users: registration rules, creation with a PBKDF2 password hash and a random API key, the
/// password check of a login, and the User object of the API (never the hash).
/// </summary>
public static class Accounts
{
    private const int Iterations = 210_000;
    private static readonly object RegisterGate = new();

    /// <summary>Registers a new user; a 400 <see cref="DomainException"/> says what is wrong with the request.</summary>
    public static JsonObject Register(Store store, string username, string email, string password, string firstname, string name)
    {
        if (username.Length == 0) throw DomainException.Invalid("A username is required.");
        if (username.Contains(':')) throw DomainException.Invalid("A username cannot contain ':'.");
        if (!email.Contains('@')) throw DomainException.Invalid("A valid e-mail address is required.");
        if (password.Length < 8) throw DomainException.Invalid("The password needs at least 8 characters.");
        FieldLimits.Check("username", username, FieldLimits.Username);
        FieldLimits.Check("email", email, FieldLimits.Email);
        FieldLimits.Check("password", password, FieldLimits.Password);
        FieldLimits.Check("firstname", firstname, FieldLimits.Name);
        FieldLimits.Check("name", name, FieldLimits.Name);

        lock (RegisterGate)
        {
            var users = store.List(Kinds.User);
            if (users.Any(u => string.Equals(u.Str("username"), username, StringComparison.OrdinalIgnoreCase)))
                throw DomainException.Invalid($"The username '{username}' is taken.");
            if (users.Any(u => string.Equals(u.Str("email"), email, StringComparison.OrdinalIgnoreCase)))
                throw DomainException.Invalid($"The e-mail address '{email}' is already registered.");
            return CreateUser(store, username, email, password, firstname, name, apiKey: null);
        }
    }

    /// <summary>The user with that username and password, or a 401.</summary>
    public static JsonObject Login(Store store, string username, string password)
    {
        var user = store.FindUserByUsername(username);
        return user is not null && PasswordMatches(user, password)
            ? user
            : throw DomainException.BadCredentials("Unknown username or wrong password.");
    }

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
    public static JsonObject ToReply(JsonObject user) =>
        Pick(user, "id", "created_at", "updated_at", "username", "email", "name", "firstname", "apikey");

    /// <summary>The login reply: the six fields a client keeps.</summary>
    public static JsonObject ToLoginReply(JsonObject user) =>
        Pick(user, "id", "username", "name", "email", "firstname", "apikey");

    private static JsonObject Pick(JsonObject user, params string[] keys)
    {
        var reply = new JsonObject();
        foreach (var key in keys) reply[key] = user.Str(key);
        return reply;
    }

    private static byte[] Hash(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
}
