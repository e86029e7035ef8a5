using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// Runs uploaded ONNX models with ONNX Runtime: image classification, object detection (YOLO outputs),
/// text classification (string input) and structured (named features). Sessions are cached per version.
/// </summary>
public sealed class OnnxInferenceEngine : IInferenceEngine, IDisposable
{
    private static readonly IReadOnlyDictionary<string, IApplicationRunner> Runners =
        new Dictionary<string, IApplicationRunner>(StringComparer.OrdinalIgnoreCase)
        {
            [ApplicationType.ImageClassification.Name] = new ImageClassifier(),
            [ApplicationType.ObjectDetection.Name] = new ObjectDetector(),
            [ApplicationType.TextClassification.Name] = new TextClassifier(),
            [ApplicationType.Structured.Name] = new StructuredClassifier(),
        };

    /// <summary>The application types this engine runs (the catalogue offers an ONNX application for each).</summary>
    public static IReadOnlyCollection<string> ApplicationTypes => Runners.Keys.ToList();

    private readonly SessionCache _sessions = new();

    public InferenceResult Predict(InferenceRequest request)
    {
        var runner = RunnerFor(request.ApplicationType);
        runner.CheckRequest(request);
        var context = new InferenceContext(InferenceConfig.Parse(request.ConfigJson), LabelsFile.Read(request.LabelsFilePath));
        using var lease = _sessions.Rent(request.ModelVersionId, request.ModelFilePath);
        return runner.Predict(lease.Model, request, context);
    }

    public void Invalidate(string versionId) => _sessions.Invalidate(versionId);

    public void CheckLoads(string modelFilePath, string fileName)
    {
        using var loaded = ModelFile.Load(ModelFile.Stamp(modelFilePath), fileName);
    }

    public void Dispose() => _sessions.Dispose();

    private static IApplicationRunner RunnerFor(string? applicationType) =>
        Runners.TryGetValue(applicationType?.Trim() ?? "", out var runner)
            ? runner
            : throw DomainException.ModelCannotRun($"The local server cannot run '{applicationType}' models; it runs {string.Join(", ", Runners.Keys)}.");
}
