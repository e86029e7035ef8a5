namespace SeeMe.Server.Domain.Predictions;

/// <summary>
/// What a prediction runs on: an image (in the file <see cref="TempPath"/>, decoded from there,
/// never held in memory as bytes, until it is stored or deleted), a text, or structured features as JSON text; <see cref="Name"/> becomes the prediction's name.
/// </summary>
public sealed record PredictionInput(string Name, string Extension, string? TempPath, string? Text, string? StructuredJson);
