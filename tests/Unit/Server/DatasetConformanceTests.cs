using System.Net;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using static SeeMe.Tests.Server.DatasetTestApi;

namespace SeeMe.Tests.Server;

/// <summary>The Python SDK's quirks (docs/wire-contract.md, "SDK quirks a server tolerates") and the wire shape of every dataset-side reply.</summary>
public sealed class DatasetConformanceTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private readonly DatasetTestApi _api = new(server.RawClient());
    private const string StaleMultipart = "multipart/form-data; boundary=7c3b2e1f0a9d4c8b";

    [Fact]
    public async Task Json_bodies_without_or_with_a_stale_content_type_are_parsed()
    {
        var noType = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, "datasets", """{"name":"no type","default_splits":true}""", contentType: null));
        var path = VersionPath(noType);
        var label = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, path + "/labels", """{"name":"a"}""", StaleMultipart));
        Assert.Equal("a", (string)label["name"]);
        var item = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, path + "/items", """{"name":"i"}""", "text/plain"));
        var full = item.AsObject();
        full["description"] = "changed";
        Assert.Equal("changed", (string)(await _api.OkAsync(_api.SendAsync(HttpMethod.Put, $"{path}/items/{(string)item["id"]}", full.ToJsonString(), StaleMultipart)))["description"]);
    }

    [Fact]
    public async Task Bodiless_get_and_delete_with_a_stale_multipart_content_type_work()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        var item = await _api.OkAsync(_api.PostAsync(path + "/items", new { name = "x" }));
        async Task<HttpStatusCode> Send(HttpMethod method, string url)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent([]) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", StaleMultipart);
            using var reply = await _api.Http.SendAsync(request);
            return reply.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "datasets"));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, path + "/items?pageSize=10&pageCount=0&onlyUnlabelled=False"));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, path + "/download"));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Delete, $"{path}/items/{(string)item["id"]}"));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Delete, $"datasets/{(string)dataset["id"]}"));
    }

    [Fact]
    public async Task Later_sdk_create_bodies_with_every_field_null_are_accepted()
    {
        var dataset = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, "datasets",
            """{"id":null,"created_at":null,"updated_at":null,"deleted_at":null,"name":"full","description":null,"user_id":null,"notes":null,"versions":[],"multi_label":false,"default_splits":true,"has_logo":null,"logo":null,"public":null,"shared_with_me":null,"content_type":null}"""));
        var path = VersionPath(dataset);
        var version = dataset["versions"]![0]!;
        var split = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, path + "/splits",
            """{"id":null,"created_at":null,"updated_at":null,"name":"extra","description":null,"user_id":null,"version_id":null}"""));
        var label = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, path + "/labels",
            """{"id":null,"created_at":null,"updated_at":null,"name":"l","description":null,"user_id":null,"version_id":null,"color":null,"index":0,"shortcut":null}"""));
        var item = await _api.OkAsync(_api.SendAsync(HttpMethod.Post, path + "/items",
            $$"""{"id":null,"created_at":null,"updated_at":null,"name":null,"description":null,"user_id":null,"text":null,"splits":[{{split.ToJsonString()}}],"annotations":[{"id":null,"label_id":"{{(string)label["id"]}}","item_id":null,"split_id":null,"coordinates":null,"user_id":null}],"extension":null}"""));
        var annotation = item["annotations"]![0]!;
        Assert.Equal((string)split["id"], (string)annotation["split_id"]);
        Assert.Equal((string)item["id"], (string)annotation["item_id"]);
        Assert.Equal("images", (string)dataset["content_type"]);
        Assert.Equal(server.Server.Store.Get("user", (string)dataset["user_id"])?["username"]?.ToString(), server.Username);
        DatasetWireShape.Version(version);
        DatasetWireShape.Item(item);
    }

    [Fact]
    public async Task Every_reply_has_the_full_wire_shape()
    {
        var dataset = await _api.CreateDatasetAsync();
        var ds = (string)dataset["id"];
        var path = VersionPath(dataset);
        var train = SplitId(dataset["versions"]![0]!, "train");
        var label = await _api.OkAsync(_api.PostAsync(path + "/labels", new { name = "cat" }));
        var item = await _api.OkAsync(_api.PostAsync(path + "/items", new { splits = new[] { new { id = train } }, annotations = new[] { new { label_id = (string)label["id"] } } }));

        foreach (var d in (await _api.OkAsync(_api.GetAsync("datasets"))).AsArray()) DatasetWireShape.Dataset(d);
        DatasetWireShape.Dataset(await _api.OkAsync(_api.GetAsync($"datasets/{ds}")));
        foreach (var v in (await _api.OkAsync(_api.GetAsync($"datasets/{ds}/versions"))).AsArray()) DatasetWireShape.Version(v);
        DatasetWireShape.Version(await _api.OkAsync(_api.GetAsync(path)));
        foreach (var s in (await _api.OkAsync(_api.GetAsync(path + "/splits"))).AsArray()) DatasetWireShape.Split(s);
        DatasetWireShape.Split(await _api.OkAsync(_api.GetAsync($"{path}/splits/{train}")));
        foreach (var l in (await _api.OkAsync(_api.GetAsync(path + "/labels"))).AsArray()) DatasetWireShape.Label(l);
        DatasetWireShape.Label(await _api.OkAsync(_api.GetAsync($"{path}/labels/{(string)label["id"]}")));
        foreach (var i in (await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray()) DatasetWireShape.Item(i);
        DatasetWireShape.Item(await _api.OkAsync(_api.GetAsync($"{path}/items/{(string)item["id"]}")));
        foreach (var s in (await _api.OkAsync(_api.GetAsync($"{path}/labels/splits/{train}"))).AsArray()) DatasetWireShape.LabelStat(s);
        Assert.Equal("[]", (await _api.OkAsync(_api.GetAsync(path + "/items?onlyUnlabelled=True"))).ToJsonString());
    }

    [Fact]
    public async Task Unknown_routes_under_a_dataset_are_json_404s_and_no_bad_input_is_a_500()
    {
        var dataset = await _api.CreateDatasetAsync();
        var path = VersionPath(dataset);
        await FailsAsync(HttpStatusCode.NotFound, _api.GetAsync(path + "/nothing-here"));
        var everywhere = new[] { "", "null", "42", "\"text\"", "[]", "{\"name\":{}}", "{\"description\":[1]}" };
        var urls = new[] { "datasets", $"datasets/{(string)dataset["id"]}/versions", path + "/splits", path + "/labels", path + "/items", path + "/annotations" };
        var cases = everywhere.SelectMany(body => urls.Select(url => (url, body)))
            .Concat(new[] { "{\"splits\":[42]}", "{\"splits\":{}}", "{\"annotations\":{}}", "{\"annotations\":[1]}", "{\"annotations\":[{\"label_id\":7}]}" }.Select(body => (url: path + "/items", body)));
        foreach (var (url, body) in cases)
        {
            var (status, reply) = await _api.SendAsync(HttpMethod.Post, url, body);
            Assert.True((int)status is >= 400 and < 500, $"POST {url} with {body}: {(int)status}");
            Assert.False(string.IsNullOrWhiteSpace((string)reply?["message"]), $"POST {url} with {body}: no message");
        }
        Assert.Empty((await _api.OkAsync(_api.GetAsync(path + "/items"))).AsArray());
    }
}
