using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

public sealed class JobApiTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private const string AllStatuses = "status=waiting,started,finished,error";

    private static Task<JsonNode> CreateAsync(HttpClient http, string fields) =>
        http.PostAsync("jobs", ModelTestApi.Json($$"""{"name":"job-{{Guid.NewGuid():N}}",{{fields}}}""")).OkJson();

    private static async Task<List<string>> IdsAsync(HttpClient http, string query) =>
        (await http.GetAsync("jobs" + query).OkJson()).AsArray().Select(j => (string)j["id"]).ToList();

    [Fact]
    public async Task A_job_keeps_its_typed_items_with_their_own_ids_and_is_read_updated_and_deleted()
    {
        var (http, _, userId) = await server.NewUserClientAsync();
        using var _ = http;
        var job = await CreateAsync(http, """
            "id":null,"user_id":null,"status":"waiting","job_type":"training",
            "items":[{"id":null,"name":"epochs","value":5,"value_type":"int","label":"Epochs","future":"kept"},
                     {"name":"lr","value":0.01,"value_type":"float","label":"Learning rate","default_value":0.001}]
            """);
        EntityWireShape.Assert("Job", job);
        Assert.Equal(userId, (string)job["user_id"]);
        var items = job["items"]!.AsArray();
        Assert.Equal(5, (int)items[0]!["value"]);
        Assert.Equal(0.01, (double)items[1]!["value"]);
        Assert.Equal("kept", (string)items[0]!["future"]);
        Assert.All(items, i => Assert.Equal((string)job["id"], (string)i!["job_id"]));
        Assert.NotEqual((string)items[0]!["id"], (string)items[1]!["id"]);

        var id = (string)job["id"];
        EntityWireShape.Assert("Job", await http.GetAsync($"jobs/{id}").OkJson());
        // An update sends the items back with their ids: they keep them; a new item gets its own.
        var kept = items[0]!.DeepClone();
        kept["value"] = 10;
        var body = new JsonObject
        {
            ["status"] = "started", ["status_message"] = "epoch 1",
            ["items"] = new JsonArray(kept, JsonNode.Parse("""{"name":"arch","value":"resnet","value_type":"text","label":"Architecture"}""")),
        };
        var updated = await http.PutAsync($"jobs/{id}", ModelTestApi.Json(body.ToJsonString())).OkJson();
        Assert.Equal("started", (string)updated["status"]);
        Assert.Equal("training", (string)updated["job_type"]);
        Assert.Equal("epoch 1", (string)updated["status_message"]);
        var after = updated["items"]!.AsArray();
        Assert.Equal((string)items[0]!["id"], (string)after[0]!["id"]);
        Assert.Equal((string)items[0]!["created_at"], (string)after[0]!["created_at"]);
        Assert.Equal(10, (int)after[0]!["value"]);
        Assert.NotEqual((string)items[1]!["id"], (string)after[1]!["id"]);
        Assert.Equal(2, after.Count);

        var deleted = await http.DeleteAsync($"jobs/{id}").OkJson();
        Assert.Equal(id, (string)deleted["id"]);
        await http.GetAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_application_statuses_and_type_as_the_sdk_sends_them()
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        var app = await http.ApplicationIdAsync("onnx", "image_classification");
        var a = (string)(await CreateAsync(http, $"\"job_type\":\"training\",\"status\":\"waiting\",\"application_id\":\"{app}\""))["id"];
        var b = (string)(await CreateAsync(http, "\"job_type\":\"training\",\"status\":\"started\""))["id"];
        var c = (string)(await CreateAsync(http, "\"job_type\":\"validation\",\"status\":\"finished\""))["id"];

        Assert.Equal([a, b], await IdsAsync(http, $"?applicationId=&{AllStatuses}&jobType=training"));
        Assert.Equal([b], await IdsAsync(http, "?applicationId=&status=started,finished&jobType=training"));
        Assert.Equal([c], await IdsAsync(http, $"?applicationId=&{AllStatuses}&jobType=validation"));
        Assert.Equal([a], await IdsAsync(http, $"?applicationId={app}&{AllStatuses}&jobType=training"));
        Assert.Equal([c], await IdsAsync(http, "?status=finished&jobType=validation"));
        EntityWireShape.AssertAll("Job", await http.GetAsync($"jobs?applicationId=&{AllStatuses}&jobType=training").OkJson());
    }

    [Theory]
    [InlineData("", "'status' is required")]
    [InlineData("?applicationId=&status=&jobType=", "'status' is required")]
    [InlineData("?applicationId=&status=&jobType=training", "'status' is required")]
    [InlineData("?applicationId=&status=waiting&jobType=", "'jobType' is required")]
    [InlineData("?applicationId=&status=paused&jobType=training", "status")]
    [InlineData("?applicationId=&status=waiting&jobType=cooking", "jobType")]
    public async Task A_list_without_statuses_or_type_is_refused_not_read_as_no_filter(string query, string hint)
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        await CreateAsync(http, "\"job_type\":\"training\",\"status\":\"waiting\"");
        Assert.Contains(hint, await http.GetAsync("jobs" + query).Fails(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("\"status\":\"waiting\"", "'job_type' is required")]
    [InlineData("\"job_type\":\"training\"", "'status' is required")]
    [InlineData("\"job_type\":\"training\",\"status\":null", "'status' is required")]
    [InlineData("\"job_type\":\"training\",\"status\":\"\"", "'status' is required")]
    [InlineData("\"job_type\":\"cooking\",\"status\":\"waiting\"", "job_type")]
    [InlineData("\"job_type\":\"training\",\"status\":\"paused\"", "status")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"application_id\":\"nope\"", "applications")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[1]", "item 0")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":{}", "items")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"value\":1,\"value_type\":\"int\",\"label\":\"E\"}]", "needs 'name'")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"name\":\"e\",\"value_type\":\"int\",\"label\":\"E\"}]", "needs a 'value'")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"name\":\"e\",\"value\":null,\"value_type\":\"int\",\"label\":\"E\"}]", "needs a 'value'")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"name\":\"e\",\"value\":1,\"value_type\":\"\",\"label\":\"E\"}]", "needs 'value_type'")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"name\":\"e\",\"value\":1,\"value_type\":\"int\"}]", "needs 'label'")]
    [InlineData("\"job_type\":\"training\",\"status\":\"waiting\",\"items\":[{\"name\":\"e\",\"value\":1,\"value_type\":\"int\",\"label\":\"\"}]", "needs 'label'")]
    public async Task A_job_missing_what_the_sdk_requires_gets_a_400_naming_it_and_is_not_stored(string fields, string hint)
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        Assert.Contains(hint, await http.PostAsync("jobs", ModelTestApi.Json("{" + fields + "}")).Fails(HttpStatusCode.BadRequest));
        foreach (var type in new[] { "training", "validation", "conversion" })
            Assert.Empty(await IdsAsync(http, $"?applicationId=&{AllStatuses}&jobType={type}"));
    }

    [Fact]
    public async Task An_update_with_an_incomplete_item_is_refused_and_changes_nothing()
    {
        var (http, _, _) = await server.NewUserClientAsync();
        using var _ = http;
        var id = (string)(await CreateAsync(http, "\"job_type\":\"training\",\"status\":\"waiting\""))["id"];
        await http.PutAsync($"jobs/{id}", ModelTestApi.Json("""{"status":"started","items":[{"name":"e","value":1}]}""")).Fails(HttpStatusCode.BadRequest);
        var job = await http.GetAsync($"jobs/{id}").OkJson();
        Assert.Equal("waiting", (string)job["status"]);
        Assert.Empty(job["items"]!.AsArray());
    }

    [Fact]
    public async Task Jobs_of_other_users_are_invisible()
    {
        var (owner, _, _) = await server.NewUserClientAsync();
        var (other, _, _) = await server.NewUserClientAsync();
        using var _ = owner;
        using var __ = other;
        var id = (string)(await CreateAsync(owner, "\"job_type\":\"training\",\"status\":\"waiting\""))["id"];
        Assert.Empty(await IdsAsync(other, $"?applicationId=&{AllStatuses}&jobType=training"));
        await other.GetAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
        await other.PutAsync($"jobs/{id}", ModelTestApi.Json("""{"status":"error"}""")).Fails(HttpStatusCode.NotFound);
        await other.DeleteAsync($"jobs/{id}").Fails(HttpStatusCode.NotFound);
        Assert.Equal("waiting", (string)(await owner.GetAsync($"jobs/{id}").OkJson())["status"]);
    }
}
