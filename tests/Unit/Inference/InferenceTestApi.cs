using SeeMe.Server.Domain;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

/// <summary>Test files in a temp folder (model, labels) and requests against a real <see cref="OnnxInferenceEngine"/>.</summary>
public sealed class InferenceTestApi : IDisposable
{
    private readonly TestFiles _files = new();

    public string Folder => _files.Root;
    public OnnxInferenceEngine Engine { get; } = new();

    public string Write(string fileName, byte[] bytes) => _files.Bytes(fileName, bytes);

    public string Labels(params string[] names) =>
        _files.Text(Guid.NewGuid().ToString("N") + ".txt", string.Concat(names.Select(name => name + Environment.NewLine)));

    /// <summary>A request for a fresh version id, with the model bytes written to a fresh .onnx file.</summary>
    public InferenceRequest Request(string applicationType, byte[] model, string labelsPath = null, string config = "") =>
        new(Guid.NewGuid().ToString("N"), applicationType, Write(Guid.NewGuid().ToString("N") + ".onnx", model), labelsPath, config);

    /// <summary>The engine's refusal of <paramref name="request"/>, with the status the server answers it with.</summary>
    public Refused Refusal(InferenceRequest request)
    {
        var error = Assert.Throws<DomainException>(() => Engine.Predict(request));
        return new Refused(ErrorMiddleware.StatusOf(error.Error), error.Message);
    }

    public void Dispose()
    {
        Engine.Dispose();
        _files.Dispose();
    }
}

public sealed record Refused(int Status, string Message);
