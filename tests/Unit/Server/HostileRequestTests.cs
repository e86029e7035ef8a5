using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Storage;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// The hostile requests of a security and bad-input probe (issue 8, item 7), each sent to a real
/// server: the answer is a 4xx with a JSON message that says what is wrong, never a 500, the
/// server's memory stays bounded, and the next request is answered as before. Runs alone (not in
/// parallel with other classes) because it measures the process's allocations.
/// </summary>
[Collection(HostileRequestCollection.Name)]
public sealed class HostileRequestTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A_register_with_a_100_MB_firstname_is_refused_without_reading_it_and_a_long_one_names_the_field_and_limit()
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var name = "huge" + Guid.NewGuid().ToString("N")[..8];

        var prefix = $$"""{"username":"{{name}}","email":"{{name}}@example.test","password":"correct horse battery","name":"x","firstname":""" + "\"";
        foreach (var chunked in new[] { false, true })
        {
            var allocated = await AllocatedDuringAsync(() => RefusedAsTooLargeAsync(http, "register", new RepeatedBody(prefix, 'a', 100 * MiB, "\"}", chunked)));
            Assert.True(allocated < 48 * MiB, $"the server allocated {allocated / MiB} MiB for a refused body (chunked: {chunked})");
        }

        var message = await http.PostAsync("register", ModelTestApi.Json(RegisterBody(name, firstname: new string('a', 300)))).Fails(HttpStatusCode.BadRequest);
        Assert.Contains("'firstname'", message);
        Assert.Contains("255", message);
        await http.PostAsync("register", ModelTestApi.Json(RegisterBody(name + "-u", username: new string('u', 65)))).Fails(HttpStatusCode.BadRequest);
        await http.PostAsync("login", ModelTestApi.Json($$"""{"username":"{{name}}","password":"{{new string('p', 5000)}}"}""")).Fails(HttpStatusCode.BadRequest);

        await http.PostAsync("register", ModelTestApi.Json(RegisterBody(name))).OkJson();
        await http.PostAsync("login", ModelTestApi.Json($$"""{"username":"{{name}}","password":"correct horse battery"}""")).OkJson();
    }

    [Fact]
    public async Task Every_entity_refuses_a_free_text_field_over_its_limit()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        var tooLong = new string('d', FieldLimits.Long + 1);
        Assert.Contains("'description'", await http.PostAsync("models", ModelTestApi.Json(new JsonObject { ["name"] = "m", ["description"] = tooLong })).Fails(HttpStatusCode.BadRequest));
        Assert.Contains("'name'", await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json(new JsonObject { ["name"] = new string('n', FieldLimits.Name + 1) })).Fails(HttpStatusCode.BadRequest));
        Assert.Contains("'notes'", await http.PostAsync("datasets", ModelTestApi.Json(new JsonObject { ["name"] = "d", ["notes"] = tooLong })).Fails(HttpStatusCode.BadRequest));
        Assert.Contains("'color'", await http.PostAsync("jobs", ModelTestApi.Json(new JsonObject { ["name"] = "j", ["color"] = new string('c', FieldLimits.Code + 1) })).Fails(HttpStatusCode.BadRequest));
        Assert.Equal("m-ok", (string)(await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json("""{"name":"m-ok"}""")).OkJson())["name"]);
    }

    [Fact]
    public async Task Authentication_finds_the_caller_by_index_however_large_other_user_records_are()
    {
        // A record as a server without limits would have stored it: 60 MB of first name.
        var huge = Entities.Create(Kinds.User);
        huge["username"] = "huge-" + Guid.NewGuid().ToString("N")[..8];
        huge["firstname"] = new string('f', 60 * (int)MiB);
        server.Server.Store.Put(Kinds.User, huge);
        huge = null;

        var user = await server.RegisterUserAsync();
        using var http = server.RawClient(user.Username, user.ApiKey);
        await http.GetAsync("applications").OkJson();
        var times = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var watch = Stopwatch.StartNew();
            await http.GetAsync("applications").OkJson();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Assert.True(times[4] < 40, $"an authenticated request takes {times[4]:F1} ms (median): the caller is not found by index");
    }

    [Fact]
    public async Task A_JSON_body_over_the_limit_is_a_413_whether_or_not_it_says_its_length()
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        const string login = "{\"username\":\"tester\",\"password\":\"";
        var allocated = await AllocatedDuringAsync(() => RefusedAsTooLargeAsync(http, "login", new RepeatedBody(login, 'p', 100 * MiB, "\"}")));
        Assert.True(allocated < 48 * MiB, $"the server allocated {allocated / MiB} MiB for a refused login");

        Assert.Contains("--max-json-mb", await RefusedAsTooLargeAsync(http, "login", new RepeatedBody(login, 'p', 5 * MiB, "\"}", chunked: false)));
        using var authed = server.RawClient();
        await RefusedAsTooLargeAsync(authed, "models", new RepeatedBody("{\"name\":\"m\",\"description\":\"", 'd', 5 * MiB, "\"}"));
        await RefusedAsTooLargeAsync(authed, "models", new RepeatedBody("{\"name\":\"m\",\"description\":\"", 'd', 5 * MiB, "\"}", chunked: false));
        await http.PostAsync("login", ModelTestApi.Json("""{"username":"tester","password":"wrong password"}""")).Fails(HttpStatusCode.Unauthorized);
        await authed.CreateModelAsync();
    }

    [Fact]
    public async Task A_prediction_input_over_the_limit_is_a_413_and_an_accepted_one_is_not_held_in_memory()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);

        var allocated = await AllocatedDuringAsync(async () =>
        {
            var content = new MultipartFormDataContent { { new RepeatedBody("", 'x', server.MaxPredictionInputBytes + MiB, ""), "file", "big.png" } };
            Assert.Contains("MiB", await http.PostAsync($"inferences/{model["id"]}", content).Fails((HttpStatusCode)413));
        });
        Assert.True(allocated < 24 * MiB, $"the server allocated {allocated / MiB} MiB for a refused prediction input");
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));

        // A real PNG followed by 12 MB the decoder never needs: read from its file, not copied into memory.
        var padded = KnownModels.RedPng().Concat(new byte[12 * MiB]).ToArray();
        JsonNode prediction = null;
        allocated = await AllocatedDuringAsync(async () =>
            prediction = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(padded, "red.png", "image/png")).OkJson());
        Assert.Equal("red", (string)prediction["prediction"]);
        Assert.Contains("'filename'", await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(KnownModels.RedPng(), new string('n', 300) + ".png", "image/png")).Fails(HttpStatusCode.BadRequest));
        Assert.True(allocated < 8 * MiB, $"the server allocated {allocated / MiB} MiB for a 12 MB prediction input");
    }

    [Fact]
    public async Task A_share_to_an_unregistered_address_is_refused_and_never_reaches_whoever_registers_it_later()
    {
        using var owner = server.RawClient();
        var model = await owner.CreateModelAsync();
        var email = "later" + Guid.NewGuid().ToString("N")[..8] + "@example.test";

        var message = await owner.PostAsync($"models/{model["id"]}/share", ModelTestApi.Json($$"""{"email":"{{email}}"}""")).Fails(HttpStatusCode.NotFound);
        Assert.Contains("register", message);
        Assert.Empty((await owner.GetAsync($"models/{model["id"]}/share").OkJson()).AsArray());

        using var newcomer = await RegisterWithAsync(email);
        await newcomer.GetAsync($"models/{model["id"]}").Fails(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await newcomer.GetAsync("models").OkJson()).AsArray(), m => (string)m["id"] == (string)model["id"]);
    }

    [Fact]
    public async Task A_share_stays_with_its_user_when_the_address_is_registered_again_after_a_delete()
    {
        using var owner = server.RawClient();
        var model = await owner.CreateModelAsync();
        var dataset = await owner.PostAsync("datasets", ModelTestApi.Json("""{"name":"shared"}""")).OkJson();
        var (first, email, firstId) = await server.NewUserClientAsync();
        using (first)
        {
            var share = await owner.PostAsync($"models/{model["id"]}/share", ModelTestApi.Json($$"""{"email":"{{email}}"}""")).OkJson();
            Assert.False(share.AsObject().Any(p => p.Key.StartsWith('_')), share.ToJsonString());
            await owner.PostAsync($"datasets/{dataset["id"]}/share", ModelTestApi.Json($$"""{"email":"{{email}}"}""")).OkJson();
            Assert.True((bool)(await first.GetAsync($"models/{model["id"]}").OkJson())["shared_with_me"]);
            Assert.True((bool)(await first.GetAsync($"datasets/{dataset["id"]}").OkJson())["shared_with_me"]);
            await first.DeleteAsync($"users/{firstId}").OkJson();
        }

        using var second = await RegisterWithAsync(email);
        await second.GetAsync($"models/{model["id"]}").Fails(HttpStatusCode.NotFound);
        await second.GetAsync($"datasets/{dataset["id"]}").Fails(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await second.GetAsync("models").OkJson()).AsArray(), m => (string)m["id"] == (string)model["id"]);

        // The owner shares again, knowingly, with the new account: now it sees the model.
        await owner.PostAsync($"models/{model["id"]}/share", ModelTestApi.Json($$"""{"email":"{{email}}"}""")).OkJson();
        Assert.True((bool)(await second.GetAsync($"models/{model["id"]}").OkJson())["shared_with_me"]);
    }

    public static readonly TheoryData<string, string> BrokenJson = new()
    {
        { """{"username":"a","username":"b","password":"x"}""", "twice" },
        { """{"name":"a","nested":{"k":1,"k":2}}""", "twice" },
        { """{"username":"\ud800","password":"correct horse battery"}""", "surrogate" },
        { """{"name":"ok","list":["\udc00x"]}""", "surrogate" },
    };

    [Theory]
    [MemberData(nameof(BrokenJson))]
    public async Task Duplicate_keys_and_lone_surrogates_are_a_400_on_register_login_and_entity_routes(string body, string expected)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseUri };
        using var http = server.RawClient();
        var model = await http.CreateModelAsync();
        foreach (var (client, method, path) in new[]
                 {
                     (anonymous, HttpMethod.Post, "register"), (anonymous, HttpMethod.Post, "login"), (http, HttpMethod.Post, "models"),
                     (http, HttpMethod.Put, $"models/{model["id"]}"), (http, HttpMethod.Post, "datasets"), (http, HttpMethod.Post, "jobs"),
                 })
        {
            var message = await client.SendAsync(new HttpRequestMessage(method, path) { Content = ModelTestApi.Json(body) }).Fails(HttpStatusCode.BadRequest);
            Assert.Contains(expected, message);
        }
        await http.PutAsync($"models/{model["id"]}", ModelTestApi.Json("""{"name":"still fine"}""")).OkJson();
    }

    [Fact]
    public async Task A_JSON_body_with_a_UTF8_byte_order_mark_is_still_read()
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var body = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"username":"tester","password":"wrong password"}""")]);
        Assert.Contains("wrong password", await http.PostAsync("login", body).Fails(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_lone_surrogate_inside_a_structured_prediction_input_is_a_400()
    {
        using var http = server.RawClient();
        var model = await http.CreateModelAsync(""","kind":"structured" """);
        await http.UploadAsync($"models/{model["id"]}/upload", KnownModels.LinearClassifier(), "model.onnx");
        var features = new JsonObject { ["input_text"] = """{"a": "\ud800", "b": 1, "c": 2}""" };
        Assert.Contains("surrogate", await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json(features)).Fails(HttpStatusCode.BadRequest));
        var duplicate = new JsonObject { ["input_text"] = """{"a": 1, "a": 2}""" };
        Assert.Contains("twice", await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.Json(duplicate)).Fails(HttpStatusCode.BadRequest));
    }

    /// <summary>Multipart bodies MultipartReader refuses, with the Content-Type each is sent with.</summary>
    public static IEnumerable<(string Name, string ContentType, string Body)> BrokenMultipart()
    {
        const string type = "multipart/form-data; boundary=b";
        const string part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n";
        yield return ("no boundary", "multipart/form-data", "--b\r\n\r\n");
        yield return ("empty boundary", "multipart/form-data; boundary=\"\"", "--\r\n\r\n");
        yield return ("boundary over 70 characters", "multipart/form-data; boundary=" + new string('b', 100), "--b\r\n\r\n");
        yield return ("truncated part", type, part + "\r\nabc");
        yield return ("part headers over 16 KB", type, part + "X-Long: " + new string('a', 17_000) + "\r\n\r\nabc\r\n--b--\r\n");
        yield return ("more than 16 part headers", type, part + string.Concat(Enumerable.Range(0, 20).Select(i => $"X-H{i}: v\r\n")) + "\r\nabc\r\n--b--\r\n");
        yield return ("header line without a colon", type, "--b\r\nno colon here\r\n\r\nabc\r\n--b--\r\n");
    }

    [Fact]
    public async Task Broken_multipart_is_a_400_on_the_upload_routes()
    {
        using var http = server.RawClient();
        var model = await ColourModelAsync(http);
        var dataset = await http.PostAsync("datasets", ModelTestApi.Json("""{"name":"d"}""")).OkJson();
        var routes = new[] { $"models/{model["id"]}/upload", $"inferences/{model["id"]}", $"datasets/{dataset["id"]}/upload" };
        foreach (var route in routes)
        foreach (var (name, contentType, body) in BrokenMultipart())
        {
            var content = new StringContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var reply = await http.PostAsync(route, content);
            var text = await reply.Content.ReadAsStringAsync();
            Assert.True(reply.StatusCode == HttpStatusCode.BadRequest, $"{route} [{name}] → {(int)reply.StatusCode} {text}");
            Assert.Contains("multipart", (string)JsonNode.Parse(text)!["message"]);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));
        var prediction = await http.PostAsync($"inferences/{model["id"]}", ModelTestApi.File(KnownModels.RedPng(), "red.png", "image/png")).OkJson();
        Assert.Equal("red", (string)prediction["prediction"]);
    }

    /// <summary>
    /// Sends a body the server must refuse as too large. With a length, the server refuses before
    /// reading (sent with Expect: 100-continue, so the 413 and its message arrive before any body
    /// byte is sent). Chunked, the server refuses once it has read past its limit and closes the
    /// connection, which the client may see as a broken pipe before it can read the 413.
    /// </summary>
    private static async Task<string> RefusedAsTooLargeAsync(HttpClient http, string path, RepeatedBody body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        if (body.Headers.ContentLength is not null) request.Headers.ExpectContinue = true;
        try
        {
            return await http.SendAsync(request).Fails((HttpStatusCode)413);
        }
        catch (HttpRequestException e) when (body.Headers.ContentLength is null && e.InnerException is IOException)
        {
            return null;
        }
    }

    private static string RegisterBody(string name, string username = null, string firstname = "Test") =>
        new JsonObject
        {
            ["username"] = username ?? name, ["email"] = name + "@example.test", ["password"] = "correct horse battery",
            ["firstname"] = firstname, ["name"] = "User",
        }.ToJsonString();

    private async Task<HttpClient> RegisterWithAsync(string email)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseUri };
        var name = "user" + Guid.NewGuid().ToString("N")[..12];
        var body = new JsonObject { ["username"] = name, ["email"] = email, ["password"] = "correct horse battery", ["firstname"] = "A", ["name"] = "B" };
        var user = await anonymous.PostAsync("register", ModelTestApi.Json(body)).OkJson();
        return server.RawClient(name, (string)user["apikey"]);
    }

    private static async Task<JsonNode> ColourModelAsync(HttpClient http)
    {
        var model = await http.CreateModelAsync(""","kind":"image_classification" """);
        await http.UploadAsync($"models/{model["id"]}/upload", KnownModels.ColourClassifier(), "model.onnx");
        await http.UploadAsync($"models/{model["id"]}/upload", KnownModels.LabelsFile(KnownModels.Colours), "labels.txt");
        return model;
    }

    /// <summary>Bytes allocated in the whole process (server and client) while <paramref name="call"/> ran.</summary>
    private static async Task<long> AllocatedDuringAsync(Func<Task> call)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await call();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>A body of prefix + <c>count</c> copies of one character + suffix, produced as it is sent (never held whole).</summary>
    private sealed class RepeatedBody(string prefix, char fill, long count, string suffix, bool chunked = true) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(prefix));
            var chunk = Encoding.ASCII.GetBytes(new string(fill, 64 * 1024));
            for (var left = count; left > 0; left -= chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(suffix));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(prefix) + count + Encoding.UTF8.GetByteCount(suffix);
            return !chunked;
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileRequestCollection
{
    public const string Name = "Hostile requests (measures allocations: runs alone)";
}
