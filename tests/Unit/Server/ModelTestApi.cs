using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>Raw HTTP helpers for the model-side API tests, sending bodies the way the Python SDK does.</summary>
public static class ModelTestApi
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A real ONNX model (the test image classifier): it loads, so the server takes it as a runnable model file.</summary>
    public static readonly byte[] Onnx = SeeMe.TestModels.OnnxModelBuilder.ImageClassifier();

    /// <summary>A JSON body with no Content-Type at all (Python SDK quirk 1).</summary>
    public static HttpContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = null;
        return content;
    }

    public static HttpContent Json(JsonNode node) => Json(node.ToJsonString());

    public static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { part, "file", fileName } };
    }

    public static async Task<JsonNode> OkJson(this Task<HttpResponseMessage> call)
    {
        var reply = await call;
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"{(int)reply.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts the status and a JSON message; returns the message.</summary>
    public static async Task<string> Fails(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var reply = await call;
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == status, $"expected {(int)status}, got {(int)reply.StatusCode}: {text}");
        var message = (string)JsonNode.Parse(text)!["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }

    public static Task<JsonNode> CreateModelAsync(this HttpClient http, string extraJson = "") =>
        http.PostAsync("models", Json($$"""{"name":"m-{{Guid.NewGuid():N}}","description":"test model"{{extraJson}}}""")).OkJson();

    public static Task<JsonNode> UploadAsync(this HttpClient http, string path, byte[] bytes, string fileName, string contentType = "application/octet-stream") =>
        http.PostAsync(path, File(bytes, fileName, contentType)).OkJson();

    /// <summary>A user of its own: a raw client with that user's credentials, plus the user.</summary>
    public static async Task<(HttpClient Http, string Email, string Id)> NewUserClientAsync(this LocalServerFixture server)
    {
        var user = await server.RegisterUserAsync();
        return (server.RawClient(user.Username, user.ApiKey), user.Email, user.Id);
    }

    /// <summary>An application id of the seeded catalogue by framework and application type.</summary>
    public static async Task<string> ApplicationIdAsync(this HttpClient http, string framework, string application)
    {
        var apps = (await http.GetAsync("applications").OkJson()).AsArray();
        return (string)apps.First(a => (string)a["framework"] == framework && (string)a["application"] == application)["id"];
    }
}
