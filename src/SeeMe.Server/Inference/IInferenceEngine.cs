namespace SeeMe.Server.Inference;

/// <summary>What a prediction request gives the engine.</summary>
/// <param name="ModelVersionId">The model version; sessions are cached per version.</param>
/// <param name="ApplicationType">image_classification, object_detection, text_classification or structured.</param>
/// <param name="ModelFilePath">The version's uploaded model file, or null when none was uploaded.</param>
/// <param name="LabelsFilePath">The version's labels file (one class name per line), or null.</param>
/// <param name="ConfigJson">The version's <c>config</c> text ("" when unset): normalisation, thresholds, column_names.</param>
/// <param name="ImageBytes">The image for image_classification / object_detection.</param>
/// <param name="Text">The input text for text_classification.</param>
/// <param name="StructuredJson">The feature object as JSON text for structured.</param>
/// <param name="ImagePath">The image as a file (decoded from there), instead of <paramref name="ImageBytes"/>.</param>
public sealed record InferenceRequest(
    string ModelVersionId,
    string ApplicationType,
    string? ModelFilePath,
    string? LabelsFilePath,
    string ConfigJson,
    byte[]? ImageBytes = null,
    string? Text = null,
    string? StructuredJson = null,
    string? ImagePath = null)
{
    public bool HasImage => ImageBytes is not null || ImagePath is not null;
}

/// <summary>One prediction: a class with its confidence; for object detection also the box as a relative YOLO string "x_center y_center width height".</summary>
public sealed record PredictionItem(string Label, double Confidence, string Coordinates = "");

/// <summary>The engine's answer: predictions best first, and the time the model itself took.</summary>
public sealed record InferenceResult(IReadOnlyList<PredictionItem> Items, TimeSpan ModelTime);

/// <summary>
/// Runs uploaded models. Implementations throw <see cref="Domain.DomainException"/> with a message saying
/// why when a version cannot run (no model file, not ONNX, corrupt, wrong input);
/// they never make a prediction up.
/// </summary>
public interface IInferenceEngine
{
    InferenceResult Predict(InferenceRequest request);

    /// <summary>Forgets the cached session of a version (after a new upload or a delete).</summary>
    void Invalidate(string versionId);

    /// <summary>
    /// Checks that an uploaded model file loads, before a version that would run it claims it can predict; throws
    /// <see cref="Domain.DomainException"/> (ModelCannotRun, a 422) saying why not. <paramref name="fileName"/> is the name the client gave it.
    /// </summary>
    void CheckLoads(string modelFilePath, string fileName);
}
