using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Http;

/// <summary>Reading a request's body: a JSON object within the JSON size limit, or one uploaded file streamed to disk.</summary>
public static class RequestBodyReader
{
    /// <summary>
    /// Reads the body as a JSON object whatever the Content-Type says (the Python SDK sends none,
    /// or a stale multipart one): at most <see cref="ServerOptions.MaxJsonBytes"/> (413 beyond),
    /// strictly parsed (<see cref="StrictJson"/>). Endpoints/RequestBodies.cs adds the field limits.
    /// </summary>
    public static async Task<JsonObject> ReadJsonObjectAsync(this HttpRequest request)
    {
        var bytes = await ReadLimitedBodyAsync(request);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            throw ApiException.BadRequest("The body is empty; send a JSON object.");
        return StrictJson.ParseObject(bytes, "The body");
    }

    /// <summary>The whole body, refused with 413 as soon as it is longer than a JSON body may be.</summary>
    private static async Task<byte[]> ReadLimitedBodyAsync(HttpRequest request)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<ServerOptions>().MaxJsonBytes;
        if (request.ContentLength > limit) throw JsonTooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw JsonTooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ApiException JsonTooLarge(long limit) =>
        new(413, $"The JSON body is larger than the {limit / 1024:N0} KiB this server accepts for JSON (see --max-json-mb); files go as multipart uploads.");

    /// <summary>
    /// Streams the multipart part named <c>file</c> to a temp file (constant memory). Any other part
    /// is skipped. Fails with 400 when the request is not multipart or has no <c>file</c> part.
    /// The file's name goes to <paramref name="checkFileName"/> before a byte of it is read.
    /// The caller moves the temp file into place (<see cref="FileStore.Commit"/>) or disposes the upload.
    /// </summary>
    public static async Task<UploadedFile> ReadSingleFileAsync(this HttpRequest request, FileStore files, Action<string> checkFileName, long? maxBytes = null)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (mediaType?.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary))
            throw ApiException.BadRequest("Send the file as multipart/form-data with one part named 'file'.");
        BodyLimitMiddleware.AllowUpload(request.HttpContext);
        try
        {
            return await ReadFilePartAsync(request, files, new MultipartReader(boundary, request.Body), checkFileName, maxBytes)
                   ?? throw ApiException.BadRequest("The multipart body has no part named 'file'.");
        }
        // MultipartReader's own refusals: a truncated part, part headers too long or too many, a header line without ':'.
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            throw ApiException.BadRequest($"The multipart body is broken ({e.Message}). Send the file as multipart/form-data with one part named 'file'.");
        }
    }

    private static async Task<UploadedFile?> ReadFilePartAsync(HttpRequest request, FileStore files, MultipartReader reader, Action<string> checkFileName, long? maxBytes)
    {
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            if (!string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal)) continue;

            var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
            checkFileName(fileName);
            var tempPath = files.NewTempPath();
            try
            {
                await using (var target = File.Create(tempPath))
                    await CopyAtMostAsync(section.Body, target, maxBytes ?? long.MaxValue, request.HttpContext.RequestAborted);
            }
            catch
            {
                File.Delete(tempPath);
                throw;
            }
            return new UploadedFile(tempPath, fileName, section.ContentType ?? "application/octet-stream", new FileInfo(tempPath).Length);
        }
        return null;
    }

    /// <summary>Copies the part, refusing with 413 as soon as it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task CopyAtMostAsync(Stream source, Stream target, long maxBytes, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancel)) > 0)
        {
            total += read;
            if (total > maxBytes)
                throw new ApiException(413, $"The file is larger than the {maxBytes / (1024 * 1024):N0} MiB this route accepts.");
            await target.WriteAsync(buffer.AsMemory(0, read), cancel);
        }
    }

    /// <summary>As <see cref="ReadSingleFileAsync"/>, and 400 when the file is empty.</summary>
    public static async Task<UploadedFile> ReadNonEmptyFileAsync(this HttpRequest request, FileStore files, Action<string> checkFileName)
    {
        var upload = await request.ReadSingleFileAsync(files, checkFileName);
        if (upload.Length > 0) return upload;
        upload.Dispose();
        throw ApiException.BadRequest("The uploaded file is empty.");
    }
}
