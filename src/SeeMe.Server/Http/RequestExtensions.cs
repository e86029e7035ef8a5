using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Http;

/// <summary>
/// A file received as the single multipart part <c>file</c>, already on disk under tmp/. Disposing
/// deletes the temp file unless it was committed (moved) into place.
/// </summary>
public sealed record UploadedFile(string TempPath, string FileName, string ContentType, long Length) : IDisposable
{
    public string Extension => Path.GetExtension(FileName).TrimStart('.').ToLowerInvariant();

    public void Dispose() => File.Delete(TempPath);
}

public static class RequestExtensions
{
    /// <summary>
    /// Reads the body as a JSON object whatever the Content-Type says (the Python SDK sends none,
    /// or a stale multipart one).
    /// </summary>
    public static async Task<JsonObject> ReadJsonObjectAsync(this HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) throw ApiException.BadRequest("The body is empty; send a JSON object.");
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException e) { throw ApiException.BadRequest("The body is not valid JSON: " + e.Message); }
        return node as JsonObject ?? throw ApiException.BadRequest("The body must be a JSON object.");
    }

    /// <summary>
    /// Streams the multipart part named <c>file</c> to a temp file (constant memory). Any other part
    /// is skipped. Fails with 400 when the request is not multipart or has no <c>file</c> part.
    /// The caller moves the temp file into place (<see cref="FileStore.Commit"/>) or disposes the upload.
    /// </summary>
    public static async Task<UploadedFile> ReadSingleFileAsync(this HttpRequest request, FileStore files)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (mediaType?.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary))
            throw ApiException.BadRequest("Send the file as multipart/form-data with one part named 'file'.");

        var reader = new MultipartReader(boundary, request.Body);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            if (!string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal)) continue;

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            var tempPath = files.NewTempPath();
            try
            {
                await using (var target = File.Create(tempPath))
                    await section.Body.CopyToAsync(target, request.HttpContext.RequestAborted);
            }
            catch
            {
                File.Delete(tempPath);
                throw;
            }
            return new UploadedFile(tempPath, Path.GetFileName(fileName), section.ContentType ?? "application/octet-stream", new FileInfo(tempPath).Length);
        }
        throw ApiException.BadRequest("The multipart body has no part named 'file'.");
    }

    /// <summary>As <see cref="ReadSingleFileAsync"/>, and 400 when the file is empty.</summary>
    public static async Task<UploadedFile> ReadNonEmptyFileAsync(this HttpRequest request, FileStore files)
    {
        var upload = await request.ReadSingleFileAsync(files);
        if (upload.Length > 0) return upload;
        upload.Dispose();
        throw ApiException.BadRequest("The uploaded file is empty.");
    }

    /// <summary>Query booleans arrive as True/False/true/1 from the SDKs.</summary>
    public static bool QueryBool(this HttpRequest request, string name, bool fallback = false)
    {
        var value = request.Query[name].ToString();
        if (string.IsNullOrEmpty(value)) return fallback;
        if (bool.TryParse(value, out var b)) return b;
        if (value == "1") return true;
        if (value == "0") return false;
        throw ApiException.BadRequest($"Query parameter '{name}' must be true or false, not '{value}'.");
    }

    /// <summary>An integer query value within bounds, or a 400 that names the bounds.</summary>
    public static int QueryInt(this HttpRequest request, string name, int fallback, int min, int max)
    {
        var value = request.Query[name].ToString();
        if (string.IsNullOrEmpty(value)) return fallback;
        if (!int.TryParse(value, out var n) || n < min || n > max)
            throw ApiException.BadRequest($"Query parameter '{name}' must be a whole number from {min} to {max}, not '{value}'.");
        return n;
    }
}

/// <summary>Replies with JSON documents as they are stored.</summary>
public static class Reply
{
    public static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json", Encoding.UTF8);

    public static IResult List(IEnumerable<JsonNode> nodes) => Json((JsonNode)new JsonArray(nodes.Select(n => n.DeepClone()).ToArray()));

    public static IResult File(StoredFile file) => TypedResults.PhysicalFile(file.Path, file.ContentType, file.DownloadName);
}
