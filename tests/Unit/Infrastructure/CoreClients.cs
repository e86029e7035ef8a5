using SeeMe.Core;

namespace SeeMe.Tests.Infrastructure;

public static class CoreClients
{
    /// <summary>A Core client signed in as the server's seed user.</summary>
    public static SeeMeClient SeedUser(this LocalServerFixture server)
    {
        var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(server.Username, server.ApiKey);
        return client;
    }

    /// <summary>A Core client for a freshly registered second user.</summary>
    public static async Task<(SeeMeClient Client, string Email)> NewUserAsync(this LocalServerFixture server)
    {
        var user = await server.RegisterUserAsync();
        var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(user.Username, user.ApiKey);
        return (client, user.Email);
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
