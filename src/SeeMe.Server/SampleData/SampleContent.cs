using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SeeMe.Server.SampleData;

/// <summary>
/// <c>--sample-data</c>: gives the first user a dataset of generated images (labels red, green and blue in the splits
/// train, valid and test), a model that predicts on them (a real ONNX classifier), and the images in
/// <c>{data}/sample-images</c> to pipe from. Added through the server's own HTTP API, like any client would, so it
/// follows every rule of the API; a data folder that already has them is left as it is.
/// </summary>
public static class SampleContent
{
    public const string Name = "Sample colours";
    public const string ImagesFolder = "sample-images";

    public static string ImagesPath(string dataDirectory) => Path.Combine(dataDirectory, ImagesFolder);

    /// <summary>Adds what is missing and writes the images folder; returns that folder.</summary>
    public static async Task<string> AddAsync(Uri baseUri, SeedUser user, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var images = SampleImages.All();
        using var http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{user.Username}:{user.ApiKey}");
        await AddDatasetAsync(http, images, cancellationToken);
        await AddModelAsync(http, cancellationToken);
        return WriteImages(images, dataDirectory);
    }

    private static async Task AddDatasetAsync(HttpClient http, IReadOnlyList<SampleImage> images, CancellationToken cancellationToken)
    {
        if (await OwnsAsync(http, "datasets", cancellationToken)) return;
        var dataset = await SendAsync(http, HttpMethod.Post, "datasets", JsonContent(new JsonObject
        {
            ["name"] = Name,
            ["description"] = "Generated pictures of three colours, labelled and split into train, valid and test.",
            ["content_type"] = "images",
            ["default_splits"] = true,
        }), cancellationToken);
        var versionId = (string)dataset["versions"]![0]!["id"]!;
        await SendAsync(http, HttpMethod.Post, $"datasets/{dataset["id"]}/versions/{versionId}/upload",
            FileContent(FoldersZip(images), "sample-colours.zip", "application/x-zip-compressed"), cancellationToken);
    }

    private static async Task AddModelAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (await OwnsAsync(http, "models", cancellationToken)) return;
        var applications = (await SendAsync(http, HttpMethod.Get, "applications", null, cancellationToken)).AsArray();
        var application = applications.First(a => (string?)a!["framework"] == "onnx" && (string?)a["application"] == "image_classification")!;
        var model = await SendAsync(http, HttpMethod.Post, "models", JsonContent(new JsonObject
        {
            ["name"] = Name,
            ["description"] = "Tells red, green and blue pictures apart: an ONNX classifier of the mean colour.",
            ["application_id"] = (string?)application["id"],
        }), cancellationToken);
        var upload = $"models/{model["id"]}/upload";
        await SendAsync(http, HttpMethod.Post, upload, FileContent(SampleModel.Onnx(), "sample-colours.onnx", "application/octet-stream"), cancellationToken);
        await SendAsync(http, HttpMethod.Post, upload, FileContent(SampleModel.LabelsFile(), "labels.txt", "application/octet-stream"), cancellationToken);
    }

    /// <summary>The folders layout: train/red/red-1.png, ..., valid/red/red-5.png, test/red/red-6.png.</summary>
    private static byte[] FoldersZip(IReadOnlyList<SampleImage> images)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var image in images)
            {
                using var entry = zip.CreateEntry($"{image.Split}/{image.Label}/{image.FileName}").Open();
                entry.Write(image.Png);
            }
        }
        return buffer.ToArray();
    }

    private static string WriteImages(IReadOnlyList<SampleImage> images, string dataDirectory)
    {
        var folder = Directory.CreateDirectory(ImagesPath(dataDirectory)).FullName;
        foreach (var image in images) File.WriteAllBytes(Path.Combine(folder, image.FileName), image.Png);
        return folder;
    }

    private static async Task<bool> OwnsAsync(HttpClient http, string collection, CancellationToken cancellationToken) =>
        (await SendAsync(http, HttpMethod.Get, collection, null, cancellationToken)).AsArray().Any(e => (string?)e!["name"] == Name);

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var reply = await http.SendAsync(request, cancellationToken);
        var body = await reply.Content.ReadAsStringAsync(cancellationToken);
        if (!reply.IsSuccessStatusCode)
            throw new InvalidOperationException($"Adding the sample content failed: {method} {path} answered {(int)reply.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static MultipartFormDataContent FileContent(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
