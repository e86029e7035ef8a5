using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class AccountApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Register_then_login_returns_the_six_login_fields()
    {
        var user = await server.RegisterUserAsync();
        Assert.Matches("^[0-9a-f]{40}$", user.ApiKey);
        Assert.False(string.IsNullOrEmpty(user.Id));
    }

    [Fact]
    public async Task Register_failure_carries_message_and_success_does_not()
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var bad = await http.PostAsync("register", new StringContent("""{"username":"x","email":"nope","password":"short"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Contains("e-mail", (string)body["message"]);
        Assert.False((bool)body["registration"]);

        var ok = await http.PostAsync("register", new StringContent($$"""{"username":"u{{Guid.NewGuid():N}}","email":"a{{Guid.NewGuid():N}}@b.c","password":"long enough pw","firstname":"A","name":"B"}"""));
        var okBody = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!.AsObject();
        Assert.False(okBody.ContainsKey("message"));
        Assert.False(okBody.ContainsKey("password_hash"));
        foreach (var key in new[] { "id", "created_at", "updated_at", "username", "email", "name", "firstname", "apikey" })
            Assert.True(okBody.ContainsKey(key), key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("tester:wrong-key")]
    [InlineData(":")]
    public async Task A_wrong_authorization_header_gets_401_with_a_message(string header)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        if (header is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var reply = await http.GetAsync("models");
        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        var message = (string)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain(server.ApiKey, message);
    }

    [Fact]
    public async Task Unknown_paths_get_404_json()
    {
        using var http = server.RawClient();
        var reply = await http.GetAsync("no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["message"]));
    }

    [Fact]
    public async Task The_seed_user_survives_a_restart_of_its_own_server()
    {
        await using var fixture = new RestartableServer();
        var key = fixture.Inner.ApiKey;
        await fixture.Inner.RestartAsync();
        Assert.Equal(key, fixture.Inner.ApiKey);
    }

    private sealed class RestartableServer : IAsyncDisposable
    {
        public LocalServerFixture Inner { get; } = new();
        public RestartableServer() => Inner.InitializeAsync().GetAwaiter().GetResult();
        public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
    }
}
