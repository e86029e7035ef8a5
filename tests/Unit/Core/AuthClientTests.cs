using SeeMe.Core;
using SeeMe.Core.Exceptions;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Core;

public sealed class AuthClientTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Register_then_login_with_the_password_authenticates_later_calls()
    {
        using var client = new SeeMeClient(server.BaseUri);
        var name = CoreClients.Unique("reg");
        var user = await client.RegisterAsync(new NewUser { Username = name, Email = name + "@example.test", Password = "a long password", Firstname = "Ada", Name = "Lovelace" });
        Assert.Equal(name, user.Username);
        Assert.False(client.IsAuthenticated); // registering does not log in

        await client.LoginAsync(name, "a long password");
        Assert.True(client.IsAuthenticated);
        Assert.Equal(user.Id, client.UserId);
        Assert.NotEmpty(await client.Applications.GetAllAsync());
    }

    [Fact]
    public async Task A_failed_registration_raises_the_servers_message()
    {
        using var client = new SeeMeClient(server.BaseUri);
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.RegisterAsync(new NewUser { Username = "x", Email = "not-an-email", Password = "a long password" }));
        Assert.Equal(400, e.StatusCode);
        Assert.Contains("e-mail", e.ServerMessage);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_the_exception_never_holds_secrets()
    {
        using var client = new SeeMeClient(server.BaseUri);
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.LoginAsync(server.Username, "wrong password 42"));
        Assert.True(e.IsUnauthorized);
        Assert.DoesNotContain("wrong password 42", e.ToString());
    }

    [Fact]
    public async Task A_wrong_api_key_is_401_without_the_key_in_the_exception()
    {
        using var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(server.Username, "bogus-key-0123456789");
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync());
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("GET", e.Method);
        Assert.Equal("models", e.Path);
        Assert.DoesNotContain("bogus-key-0123456789", e.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Base_uris_with_and_without_the_trailing_slash_work(bool trailingSlash)
    {
        var text = server.BaseUri.AbsoluteUri.TrimEnd('/') + (trailingSlash ? "/" : "");
        using var client = new SeeMeClient(new Uri(text));
        client.UseApiKey(server.Username, server.ApiKey);
        Assert.NotEmpty(await client.Applications.GetAllAsync());
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_failure_with_status_0()
    {
        using var client = new SeeMeClient(new Uri("http://127.0.0.1:9/api/v1"));
        client.UseApiKey("someone", "secret-key-xyz");
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync());
        Assert.True(e.IsConnectionFailure);
        Assert.DoesNotContain("secret-key-xyz", e.ToString());
    }

    [Fact]
    public async Task Deleting_the_logged_in_user_forgets_the_credentials_and_the_key_stops_working()
    {
        var user = await server.RegisterUserAsync();
        using var client = new SeeMeClient(server.BaseUri);
        await client.LoginAsync(user.Username, "correct horse battery");

        var deleted = await client.DeleteUserAsync(client.UserId!);

        Assert.Equal(user.Username, deleted.Username);
        Assert.False(client.IsAuthenticated);
        client.UseApiKey(user.Username, user.ApiKey);
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync());
        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task Logout_forgets_the_credentials()
    {
        using var client = server.SeedUser();
        client.Logout();
        Assert.False(client.IsAuthenticated);
        var e = await Assert.ThrowsAsync<SeeMeApiException>(() => client.Models.GetAllAsync());
        Assert.Equal(401, e.StatusCode);
    }
}
