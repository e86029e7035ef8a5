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
                return new PredictionInput(text, "", null, text, null);
            case PredictionInputKind.Structured:
                var json = await ReadInputTextAsync(request);
                CheckJsonObject(json);
                return new PredictionInput(json, "", null, null, json);
            default:
                throw ApiException.BadRequest($"This server cannot take predictions for models of kind '{applicationType}'.");
        }
    }

    private static async Task<PredictionInput> ReadImageAsync(HttpRequest request, FileStore files)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<ServerOptions>().MaxPredictionInputBytes;
        var upload = await request.ReadUploadAsync(files, limit);
        try
        {
            if (upload.Length == 0) throw ApiException.BadRequest("The uploaded image is empty.");
            var extension = upload.Extension.Length <= 10 && upload.Extension.All(char.IsAsciiLetterOrDigit) ? upload.Extension : "";
            return new PredictionInput(upload.FileName, extension, upload.TempPath, null, null);
        }
        catch
        {
            File.Delete(upload.TempPath);
            throw;
        }
    }

    private static async Task<string> ReadInputTextAsync(HttpRequest request)
    {
        var body = await request.ReadJsonBodyAsync();
        if (body["input_text"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0) return text;
        throw ApiException.BadRequest("Send the input as JSON {\"input_text\": \"...\"} with a non-empty string.");
    }

    private static void CheckJsonObject(string text)
    {
        const string hint = "For a structured model, input_text must be a JSON object serialised as a string, e.g. \"{\\\"temperature\\\": \\\"30\\\"}\".";
        try { StrictJson.ParseObject(text, "input_text"); }
        catch (ApiException e) { throw ApiException.BadRequest(e.Message + " " + hint); }
    }
}
