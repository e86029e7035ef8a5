using System.Text.Json;
using System.Text.Json.Nodes;
using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Predictions;
using SeeMe.Server.Http;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Endpoints;

/// <summary>
/// Reads what a prediction request carries, by application type: an image as the multipart
/// <c>file</c>, text as JSON <c>{input_text}</c>, structured features as JSON <c>{input_text: "&lt;JSON object&gt;"}</c>.
/// </summary>
public static class PredictionInputReader
{
    /// <summary>Reads the input for <paramref name="applicationType"/>; the caller deletes <see cref="PredictionInput.TempPath"/> when done.</summary>
    public static async Task<PredictionInput> ReadAsync(HttpRequest request, FileStore files, string applicationType)
    {
        switch (ApplicationType.Named(applicationType)?.Input)
        {
            case PredictionInputKind.Image:
                return await ReadImageAsync(request, files);
            case PredictionInputKind.Text:
                var text = await ReadInputTextAsync(request);
                return new PredictionInput(text, "", null, null, text, null);
            case PredictionInputKind.Structured:
                var json = await ReadInputTextAsync(request);
                if (!IsJsonObject(json))
                    throw ApiException.BadRequest("For a structured model, input_text must be a JSON object serialised as a string, e.g. \"{\\\"temperature\\\": \\\"30\\\"}\".");
                return new PredictionInput(json, "", null, null, null, json);
            default:
                throw ApiException.BadRequest($"This server cannot take predictions for models of kind '{applicationType}'.");
        }
    }

    private static async Task<PredictionInput> ReadImageAsync(HttpRequest request, FileStore files)
    {
        var upload = await request.ReadSingleFileAsync(files);
        try
        {
            if (upload.Length == 0) throw ApiException.BadRequest("The uploaded image is empty.");
            var bytes = await File.ReadAllBytesAsync(upload.TempPath, request.HttpContext.RequestAborted);
            var extension = upload.Extension.Length <= 10 && upload.Extension.All(char.IsAsciiLetterOrDigit) ? upload.Extension : "";
            return new PredictionInput(upload.FileName, extension, upload.TempPath, bytes, null, null);
        }
        catch
        {
            File.Delete(upload.TempPath);
            throw;
        }
    }

    private static async Task<string> ReadInputTextAsync(HttpRequest request)
    {
        var body = await request.ReadJsonObjectAsync();
        if (body["input_text"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0) return text;
        throw ApiException.BadRequest("Send the input as JSON {\"input_text\": \"...\"} with a non-empty string.");
    }

    private static bool IsJsonObject(string text)
    {
        try { return JsonNode.Parse(text) is JsonObject; }
        catch (JsonException) { return false; }
    }
}
