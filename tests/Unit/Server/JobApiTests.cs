using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class JobApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static Task<JsonNode> CreateAsync(HttpClient http, string fields) =>
        http.PostAsync("jobs", ModelHttp.Json($$"""{"name":"job-{{Guid.NewGuid():N}}",{{fields}}}""")).OkJson();

    [Fact]
    public async Task A_job_is_created_waiting_with_complete_items_and_read_updated_and_deleted()
    {
        var (http, _, userId) = await server.NewUserClientAsync();
        using var _ = http;
        var job = await CreateAsync(http, """
            "id":null,"user_id":null,"status":null,"job_type":"training",
            "items":[{"name":"epochs","value":"5","value_type":"int"},{"name":"lr","value":0.01}]
            """);
        ModelWireShape.Assert("Job", job);
        Assert.Equal("waiting", (string)job["status"]);
        Assert.Equal(userId, (string)job["user_id"]);
        Assert.Equal("", (string)job["items"]![0]!["label"]);
        Assert.Equal("0.01", (string)job["items"]![1]!["value"]);

        var id = (string)job["id"];
        ModelWireShape.Assert("Job", await http.GetAsync($"jobs/{id}").OkJson());
        var updated = await http.PutAsync($"jobs/{id}", ModelHttp.Json("""{"status":"started","status_message":"epoch 1"}""")).OkJson();
        Assert.Equal("started", (string)updated["status"]);
        Assert.Equal("training", (string)updated["job_type"]);
        Assert.Equal("epoch 1", (string)updated["status_message"]);

        var deleted = await http.DeleteAsync($"jobs/{id}").OkJson();
        Assert.Equal(id, (string)deleted["id"]);
        await http.GetAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_application_status_list_and_type_with_empty_meaning_all()
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        var app = await http.ApplicationIdAsync("onnx", "image_classification");
        var a = (string)(await CreateAsync(http, $"\"job_type\":\"training\",\"application_id\":\"{app}\""))["id"];
        var b = (string)(await CreateAsync(http, "\"job_type\":\"conversion\",\"status\":\"started\""))["id"];
        var c = (string)(await CreateAsync(http, "\"job_type\":\"validation\",\"status\":\"finished\""))["id"];

        async Task<List<string>> Ids(string query) =>
            (await http.GetAsync("jobs" + query).OkJson()).AsArray().Select(j => (string)j["id"]).ToList();

        Assert.Equal([a, b, c], await Ids("?applicationId=&status=&jobType="));
        Assert.Equal([a, b], await Ids("?applicationId=&status=waiting,started&jobType="));
        Assert.Equal([a], await Ids("?applicationId=&status=waiting,started&jobType=training"));
        Assert.Equal([a], await Ids($"?applicationId={app}&status=&jobType="));
        Assert.Equal([c], await Ids("?status=finished"));
        ModelWireShape.AssertAll("Job", await http.GetAsync("jobs").OkJson());
        await http.GetAsync("jobs?applicationId=&status=paused&jobType=").Fails(HttpStatusCode.BadRequest);
        await http.GetAsync("jobs?applicationId=&status=&jobType=cooking").Fails(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("\"job_type\":\"cooking\"", "job_type")]
    [InlineData("\"status\":\"waiting\"", "job_type")]
    [InlineData("\"job_type\":\"training\",\"status\":\"paused\"", "status")]
    [InlineData("\"job_type\":\"training\",\"application_id\":\"nope\"", "applications")]
    [InlineData("\"job_type\":\"training\",\"items\":[1]", "item")]
    [InlineData("\"job_type\":\"training\",\"items\":{}", "items")]
    public async Task Bad_jobs_get_400_and_are_not_stored(string fields, string hint)
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        Assert.Contains(hint, await http.PostAsync("jobs", ModelHttp.Json("{" + fields + "}")).Fails(HttpStatusCode.BadRequest));
        Assert.Empty((await http.GetAsync("jobs").OkJson()).AsArray());
    }

    [Fact]
    public async Task Jobs_of_other_users_are_invisible()
    {
        var (owner, _, _) = await server.NewUserClientAsync();
        var (other, _, _) = await server.NewUserClientAsync();
        using var _ = owner;
        using var __ = other;
        var id = (string)(await CreateAsync(owner, "\"job_type\":\"training\""))["id"];
        Assert.Empty((await other.GetAsync("jobs?applicationId=&status=&jobType=").OkJson()).AsArray());
        await other.GetAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
        await other.PutAsync($"jobs/{id}", ModelHttp.Json("""{"status":"error"}""")).Fails(HttpStatusCode.NotFound);
        await other.DeleteAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
        Assert.Equal("waiting", (string)(await owner.GetAsync($"jobs/{id}").OkJson())["status"]);
    }
}
