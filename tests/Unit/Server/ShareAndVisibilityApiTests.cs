using System.Net;
using SeeMe.Server.Storage;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class ShareAndVisibilityApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private async Task<(HttpClient Owner, HttpClient Other, string OtherEmail)> TwoUsersAsync()
    {
        var (owner, _, _) = await server.NewUserClientAsync();
        var (other, email, _) = await server.NewUserClientAsync();
        return (owner, other, email);
    }

    private static async Task<bool> ListsAsync(HttpClient http, string modelId) =>
        (await http.GetAsync("models").OkJson()).AsArray().Any(m => (string)m["id"] == modelId);

    [Fact]
    public async Task A_private_model_is_404_for_everyone_else_on_every_endpoint()
    {
        var (owner, other, _) = await TwoUsersAsync();
        using var _ = owner;
        using var __ = other;
        var model = await owner.CreateModelAsync();
        var id = (string)model["id"];
        var vid = (string)model["active_version_id"];
        Assert.False(await ListsAsync(other, id));
        await other.GetAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
        await other.PutAsync($"models/{id}", ModelTestApi.Json("{}")).Fails(HttpStatusCode.NotFound);
        await other.DeleteAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
        await other.PostAsync($"models/{id}/upload", ModelTestApi.File([1], "export.pkl")).Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{id}/download/onnx").Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{id}/versions").Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{id}/versions/{vid}").Fails(HttpStatusCode.NotFound);
        await other.PostAsync($"models/{id}/versions", ModelTestApi.Json("{}")).Fails(HttpStatusCode.NotFound);
        await other.GetAsync($"models/{id}/share").Fails(HttpStatusCode.NotFound);
        await other.PostAsync($"models/{id}/share", ModelTestApi.Json("""{"email":"x@y.z"}""")).Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_public_model_is_readable_by_others_but_only_its_owner_changes_it()
    {
        var (owner, other, _) = await TwoUsersAsync();
        using var _ = owner;
        using var __ = other;
        var model = await owner.CreateModelAsync(""","public":true""");
        var id = (string)model["id"];
        var vid = (string)model["active_version_id"];
        await owner.UploadAsync($"models/{id}/upload", ModelTestApi.Onnx, "model.onnx");

        Assert.True(await ListsAsync(other, id));
        var seen = await other.GetAsync($"models/{id}").OkJson();
        Assert.False((bool)seen["shared_with_me"]);
        await other.GetAsync($"models/{id}/versions/{vid}").OkJson();
        Assert.Equal(ModelTestApi.Onnx, await (await other.GetAsync($"models/{id}/download/onnx")).Content.ReadAsByteArrayAsync());

        Assert.Contains("owner", await other.PutAsync($"models/{id}", ModelTestApi.Json("""{"name":"hijacked"}""")).Fails(HttpStatusCode.Forbidden));
        await other.DeleteAsync($"models/{id}").Fails(HttpStatusCode.Forbidden);
        await other.PostAsync($"models/{id}/upload", ModelTestApi.File([1], "export.pkl")).Fails(HttpStatusCode.Forbidden);
        await other.PostAsync($"models/{id}/versions", ModelTestApi.Json("{}")).Fails(HttpStatusCode.Forbidden);
        await other.PutAsync($"models/{id}/versions/{vid}", ModelTestApi.Json("{}")).Fails(HttpStatusCode.Forbidden);
        await other.DeleteAsync($"models/{id}/versions/{vid}").Fails(HttpStatusCode.Forbidden);
        await other.PostAsync($"models/{id}/versions/{vid}/upload", ModelTestApi.File([1], "export.pkl")).Fails(HttpStatusCode.Forbidden);
        await other.PostAsync($"models/{id}/share", ModelTestApi.Json("""{"email":"x@y.z"}""")).Fails(HttpStatusCode.Forbidden);
        Assert.NotEqual("hijacked", (string)(await owner.GetAsync($"models/{id}").OkJson())["name"]);
    }

    [Fact]
    public async Task Sharing_makes_a_model_visible_with_shared_with_me_until_the_share_is_deleted()
    {
        var (owner, other, otherEmail) = await TwoUsersAsync();
        using var _ = owner;
        using var __ = other;
        var model = await owner.CreateModelAsync();
        var id = (string)model["id"];

        var body = $$"""{"id":null,"email":"{{otherEmail.ToUpperInvariant()}}","entity_type":"datasets","entity_id":"spoofed","without_invite":true}""";
        var share = await owner.PostAsync($"models/{id}/share", ModelTestApi.Json(body)).OkJson();
        EntityWireShape.Assert("Share", share);
        Assert.Equal("models", (string)share["entity_type"]);
        Assert.Equal(id, (string)share["entity_id"]);
        Assert.True((bool)share["without_invite"]);

        var seen = await other.GetAsync($"models/{id}").OkJson();
        EntityWireShape.Assert("Model", seen);
        Assert.True((bool)seen["shared_with_me"]);
        Assert.Contains((await other.GetAsync("models").OkJson()).AsArray(), m => (string)m["id"] == id && (bool)m["shared_with_me"]);
        Assert.False((bool)(await owner.GetAsync($"models/{id}").OkJson())["shared_with_me"]);
        await other.PutAsync($"models/{id}", ModelTestApi.Json("{}")).Fails(HttpStatusCode.Forbidden);

        var again = await owner.PostAsync($"models/{id}/share", ModelTestApi.Json($$"""{"email":"{{otherEmail}}"}""")).OkJson();
        Assert.Equal((string)share["id"], (string)again["id"]);
        var list = await owner.GetAsync($"models/{id}/share").OkJson();
        EntityWireShape.AssertAll("Share", list);
        Assert.Single(list.AsArray());

        var deleted = await owner.DeleteAsync($"models/{id}/share/{share["id"]}").OkJson();
        Assert.Equal((string)share["id"], (string)deleted["id"]);
        await other.GetAsync($"models/{id}").Fails(HttpStatusCode.NotFound);
        await owner.DeleteAsync($"models/{id}/share/{share["id"]}").Fails(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"not-an-address\"}")]
    [InlineData("{\"email\":5}")]
    [InlineData("not json")]
    public async Task Bad_share_bodies_get_400(string body)
    {
        using var owner = server.RawClient();
        var model = await owner.CreateModelAsync();
        await owner.PostAsync($"models/{model["id"]}/share", ModelTestApi.Json(body)).Fails(HttpStatusCode.BadRequest);
        Assert.Empty((await owner.GetAsync($"models/{model["id"]}/share").OkJson()).AsArray());
    }

    [Fact]
    public async Task A_share_of_another_model_cannot_be_deleted_through_this_one()
    {
        using var owner = server.RawClient();
        var a = await owner.CreateModelAsync();
        var b = await owner.CreateModelAsync();
        var friend = await server.RegisterUserAsync();
        var share = await owner.PostAsync($"models/{b["id"]}/share", ModelTestApi.Json($$"""{"email":"{{friend.Email}}"}""")).OkJson();
        await owner.DeleteAsync($"models/{a["id"]}/share/{share["id"]}").Fails(HttpStatusCode.NotFound);
        Assert.Single((await owner.GetAsync($"models/{b["id"]}/share").OkJson()).AsArray());
    }

    [Fact]
    public async Task Datasets_are_shared_but_have_no_list_or_delete_route_as_on_the_service()
    {
        var (owner, other, otherEmail) = await TwoUsersAsync();
        using var _ = owner;
        using var __ = other;
        var ownerId = (string)(await owner.CreateModelAsync())["user_id"];
        var dataset = Entities.Create(Kinds.Dataset);
        dataset["name"] = "birds";
        dataset["user_id"] = ownerId;
        server.Server.Store.Put(Kinds.Dataset, dataset);
        var id = (string)dataset["id"];

        await other.PostAsync($"datasets/{id}/share", ModelTestApi.Json($$"""{"email":"{{otherEmail}}"}""")).Fails(HttpStatusCode.NotFound);
        await owner.PostAsync($"datasets/{id}/share", ModelTestApi.Json($$"""{"email":"{{otherEmail}}","entity_type":"pets"}""")).Fails(HttpStatusCode.BadRequest);
        var share = await owner.PostAsync($"datasets/{id}/share", ModelTestApi.Json($$"""{"email":"{{otherEmail}}","entity_type":"datasets"}""")).OkJson();
        Assert.Equal("datasets", (string)share["entity_type"]);
        Assert.Equal(id, (string)share["entity_id"]);
        Assert.Single(server.Server.Store.List(Kinds.Share, id));

        Assert.Contains("No such endpoint", await owner.GetAsync($"datasets/{id}/share").Fails(HttpStatusCode.NotFound));
        Assert.Contains("No such endpoint", await owner.DeleteAsync($"datasets/{id}/share/{share["id"]}").Fails(HttpStatusCode.NotFound));
        Assert.Single(server.Server.Store.List(Kinds.Share, id));
    }
}
