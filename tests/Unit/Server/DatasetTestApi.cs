using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;

namespace SeeMe.Tests.Server;

/// <summary>Raw-HTTP helpers for the dataset tests: JSON calls that return (status, body), uploads, and test images.</summary>
public sealed class DatasetTestApi(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        return (reply.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
    public Task<(HttpStatusCode Status, JsonNode Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);
    public Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, Json(body));
    public Task<(HttpStatusCode Status, JsonNode Body)> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, Json(body));

    /// <summary>The body of a call expected to succeed (fails the test with the server's message otherwise).</summary>
    public async Task<JsonNode> OkAsync(Task<(HttpStatusCode Status, JsonNode Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == HttpStatusCode.OK, $"expected 200, got {(int)status}: {body?.ToJsonString()}");
        return body;
    }

    /// <summary>Asserts a 4xx status with a JSON message; returns the message.</summary>
    public static async Task<string> FailsAsync(HttpStatusCode expected, Task<(HttpStatusCode Status, JsonNode Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {body?.ToJsonString()}");
        var message = (string)body?["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }

    public async Task<(HttpStatusCode Status, JsonNode Body)> UploadAsync(string path, byte[] bytes, string fileName = "image.png", string contentType = "image/png")
    {
        using var form = ModelTestApi.File(bytes, fileName, contentType);
        using var reply = await http.PostAsync(path, form);
        var text = await reply.Content.ReadAsStringAsync();
        return (reply.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<byte[]> DownloadAsync(string path)
    {
        using var reply = await http.GetAsync(path);
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"download {path}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
        return await reply.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A new dataset (its first version is versions[0]).</summary>
    public Task<JsonNode> CreateDatasetAsync(string contentType = "images", bool defaultSplits = true, bool multiLabel = false) =>
        OkAsync(PostAsync("datasets", new { name = "ds " + Guid.NewGuid().ToString("N")[..6], description = "test", content_type = contentType, default_splits = defaultSplits, multi_label = multiLabel }));

    public static string Json(object body) => body as string ?? System.Text.Json.JsonSerializer.Serialize(body);

    public static string VersionPath(JsonNode dataset, int index = 0) =>
        $"datasets/{(string)dataset["id"]}/versions/{(string)dataset["versions"]![index]!["id"]}";

    public static string SplitId(JsonNode version, string name) =>
        (string)version["splits"]!.AsArray().First(s => (string)s!["name"] == name)!["id"];

    /// <summary>An encoded image of one colour.</summary>
    public static byte[] Image(int width = 32, int height = 24, SKEncodedImageFormat format = SKEncodedImageFormat.Png, uint color = 0xFF3366CC) =>
        TestImages.Solid(new SKColor(color), width, height, format);
}
