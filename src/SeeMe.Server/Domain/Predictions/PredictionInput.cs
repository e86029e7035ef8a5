namespace SeeMe.Server.Domain.Predictions;

/// <summary>
/// What a prediction runs on: an image (kept in <see cref="TempPath"/> until it is stored or
/// deleted), a text, or structured features as JSON text; <see cref="Name"/> becomes the prediction's name.
/// </summary>
public sealed record PredictionInput(string Name, string Extension, string? TempPath, byte[]? ImageBytes, string? Text, string? StructuredJson);
