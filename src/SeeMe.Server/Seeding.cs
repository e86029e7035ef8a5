using System.Security.Cryptography;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;

namespace SeeMe.Server;

/// <summary>The user a fresh data folder starts with; printed at start so a new user can connect.</summary>
public sealed record SeedUser(string Username, string ApiKey);

public static class Seeding
{
    /// <summary>Creates the first user and the application catalogue on a fresh data folder.</summary>
    public static SeedUser EnsureSeeded(Store store, ServerOptions options)
    {
        ApplicationCatalogue.EnsureSeeded(store);
        var users = store.List(Kinds.User);
        var wanted = options.SeedUsername;
        var existing = users.FirstOrDefault(u => wanted is null || u.Str("username") == wanted);
        if (existing is not null) return new SeedUser(existing.Str("username"), existing.Str("apikey"));

        var user = Accounts.CreateUser(store,
            username: wanted ?? "local",
            email: (wanted ?? "local") + "@localhost",
            password: Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            firstname: "Local",
            name: "User",
            apiKey: options.SeedApiKey);
        return new SeedUser(user.Str("username"), user.Str("apikey"));
    }
}
