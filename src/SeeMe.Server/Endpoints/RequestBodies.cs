using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>What handlers read from a request (Http/RequestExtensions.cs), held to the domain's <see cref="FieldLimits"/>.</summary>
public static class RequestBodies
{
    /// <summary>The body as a JSON object, every top-level string field within its limit.</summary>
    public static async Task<JsonObject> ReadJsonBodyAsync(this HttpRequest request)
    {
        var body = await request.ReadJsonObjectAsync();
        FieldLimits.CheckAll(body);
        return body;
    }

    /// <summary>The multipart part <c>file</c>, its name within <see cref="FieldLimits.Name"/>.</summary>
    public static Task<UploadedFile> ReadUploadAsync(this HttpRequest request, FileStore files, long? maxBytes = null) =>
        request.ReadSingleFileAsync(files, CheckFileName, maxBytes);

    /// <summary>As <see cref="ReadUploadAsync"/>, and 400 when the file is empty.</summary>
    public static Task<UploadedFile> ReadNonEmptyUploadAsync(this HttpRequest request, FileStore files) =>
        request.ReadNonEmptyFileAsync(files, CheckFileName);

    // A prediction keeps the uploaded file's name as its name.
    private static void CheckFileName(string fileName) => FieldLimits.Check("filename", fileName, FieldLimits.Name);
}
