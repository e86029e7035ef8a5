using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeeMe.Core;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// Every route the server maps, called with unknown ids and with real ones, with no body, broken
/// JSON, wrong JSON types, duplicate keys, lone surrogate escapes and broken multipart bodies: the answer is never a 5xx, and every 4xx
/// carries a JSON message. The routes come from the server's own endpoint table, so a new
/// endpoint is swept without editing this test.
/// </summary>
public sealed class NoServerErrorSweepTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[] JsonBodies =
    [
        "", "{", "[1,2]", "null", "\"text\"",
        """{"name": 5, "public": "yes", "index": "x", "splits": {}, "annotations": "no", "input_text": 7, "color": "red", "job_type": "nap"}""",
        """{"name":"a","name":"b","username":"u","username":"v","email":"a@b.c","password":"correct horse","input_text":"x","input_text":"y"}""",
        """{"name":"\ud800","username":"\udc00","email":"a@b.c","password":"\ud800x","input_text":"\ud800","text":"\ud800"}""",
        """{"name":"ok","input_text":"{\"a\": \"\\ud800\", \"a\": 1}"}""",
    ];

    /// <summary>Multipart bodies MultipartReader refuses: (Content-Type, body).</summary>
    private static readonly (string ContentType, string Body)[] BrokenMultipart =
    [
        ("multipart/form-data; boundary=\"\"", "--\r\n\r\n"),
        ("multipart/form-data; boundary=" + new string('b', 100), "--b\r\n\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n\r\nabc"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Long: " + new string('a', 17_000) + "\r\n\r\nabc\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"X-H{i}: v\r\n")) + "\r\nabc\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nno colon here\r\n\r\nabc\r\n--b--\r\n"),
    ];

    [Fact]
    public async Task No_route_answers_a_5xx_for_any_client_mistake()
    {
        var user = await server.RegisterUserAsync();
        var ids = await SeedAsync(user.Username, user.ApiKey);
        using var http = server.RawClient(user.Username, user.ApiKey);

        var failures = new List<string>();
        var calls = 0;
        var successes = 0;
        foreach (var (method, pattern) in Routes())
        {
            if (pattern.StartsWith("users/")) continue; // deleting the caller is tested on its own
            foreach (var path in new[] { Fill(pattern, ids, real: true), Fill(pattern, ids, real: false) })
            foreach (var content in Bodies(method))
            {
                calls++;
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
                using var reply = await http.SendAsync(request);
                var status = (int)reply.StatusCode;
                var text = await reply.Content.ReadAsStringAsync();
                if (status < 300) successes++;
                if (status >= 500) failures.Add($"{method} {path} [{Describe(content)}] → {status} {text}");
                else if (status >= 400 && !HasMessage(text)) failures.Add($"{method} {path} [{Describe(content)}] → {status} without a JSON message: {text}");
            }
        }

        Assert.True(calls > 300, $"only {calls} calls: the route table looks empty");
        Assert.True(successes > 30, $"only {successes} calls succeeded: the real ids are not reaching the routes");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private IEnumerable<(string Method, string Pattern)> Routes() =>
        server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(r => r.Item2.StartsWith("api/v1/"))
            .Select(r => (r.m, r.Item2["api/v1/".Length..]))
            .OrderBy(r => r.m == "DELETE") // deletions last, so the other calls still find the real objects
            .ToList();

    private static IEnumerable<HttpContent> Bodies(string method)
    {
        if (method is "GET" or "DELETE")
        {
            yield return null;
            var stale = new StringContent("{");
            stale.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=stale"); // the SDK's stale header
            yield return stale;
            yield break;
        }
        foreach (var json in JsonBodies) yield return new StringContent(json, Encoding.UTF8);
        yield return new MultipartFormDataContent { { new StringContent("no file here"), "other" } };
        var garbage = new ByteArrayContent(Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray());
        garbage.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        yield return new MultipartFormDataContent { { garbage, "file", "filename" } };
        var noBoundary = new StringContent("--x\r\n\r\n");
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        yield return noBoundary;
        foreach (var (contentType, body) in BrokenMultipart)
        {
            var broken = new StringContent(body);
            broken.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            yield return broken;
        }
    }

    /// <summary>Fills each {parameter} by the collection named just before it.</summary>
    private static string Fill(string pattern, Dictionary<string, string> ids, bool real)
    {
        var segments = pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var collection = i > 0 ? segments[i - 1] : "";
            if (collection is "versions" && segments[0] == "datasets") collection = "dataset_versions";
            if (collection is "inferences" && segments.Length == 2 && pattern.StartsWith("inferences/{") && !pattern.Contains("versions")) collection = "inference_or_model";
            segments[i] = !real ? "nope-" + i
                : collection switch
                {
                    "download" => "onnx",
                    "upload" => "folders",
                    _ => ids.TryGetValue(collection, out var id) ? id : "nope-" + i,
                };
        }
        return string.Join('/', segments);
    }

    private async Task<Dictionary<string, string>> SeedAsync(string username, string apiKey)
    {
        using var client = new SeeMeClient(server.BaseUri);
        client.UseApiKey(username, apiKey);
        var app = (await client.Applications.GetAllAsync()).First(a => a.Framework == "onnx" && a.ApplicationType == "image_classification");
        var model = await client.Models.CreateAsync(new Model { Name = "sweep", ApplicationId = app.Id });
        await client.Models.UploadFileAsync(model.Id, _files.Bytes("m.onnx", KnownModels.ColourClassifier()));
        var prediction = await client.Predictions.PredictFileAsync(model.Id, null, _files.Bytes("red.png", KnownModels.RedPng()));
        var dataset = await client.Datasets.CreateAsync(new Dataset { Name = "sweep", DefaultSplits = true });
        var version = dataset.Versions[0];
        var split = (await client.Splits.GetAllAsync(dataset.Id, version.Id))[0];
        var label = await client.Labels.CreateAsync(dataset.Id, version.Id, new DatasetLabel { Name = "red" });
        var item = await client.Items.CreateAsync(dataset.Id, version.Id, new DatasetItem { Name = "i", Splits = { split } });
        var annotation = await client.Annotations.CreateAsync(dataset.Id, version.Id, new Annotation { ItemId = item.Id, LabelId = label.Id, SplitId = split.Id });
        var friend = await server.RegisterUserAsync();
        var share = await client.Shares.ShareAsync(ShareTarget.Model, model.Id, friend.Email);
        var job = await client.Jobs.CreateAsync(new Job { Name = "j", JobType = "training", Status = "waiting", ApplicationId = app.Id });
        return new Dictionary<string, string>
        {
            ["models"] = model.Id, ["versions"] = model.ActiveVersionId, ["inference_or_model"] = model.Id,
            ["inferences"] = prediction.Id, ["datasets"] = dataset.Id, ["dataset_versions"] = version.Id,
            ["splits"] = split.Id, ["labels"] = label.Id, ["items"] = item.Id, ["annotations"] = annotation.Id,
            ["share"] = share.Id, ["jobs"] = job.Id,
        };
    }

    private static bool HasMessage(string text)
    {
        try { return JsonNode.Parse(text) is JsonObject o && o["message"] is JsonValue v && v.TryGetValue<string>(out var m) && m.Length > 0; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    private static string Describe(HttpContent content) => content switch
    {
        null => "no body",
        MultipartFormDataContent => "multipart",
        _ => content.Headers.ContentType + " " + content.ReadAsStringAsync().Result,
    };
}
