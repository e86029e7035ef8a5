using System.Collections.Concurrent;
using SeeMe.Server.Http;
using SeeMe.Server.Inference;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Server;

/// <summary>
/// An engine that answers fixed predictions when the version has a model file (and refuses with
/// 422 when not, as the contract says), and records what the endpoints asked of it.
/// </summary>
public sealed class FakeInferenceEngine : IInferenceEngine
{
    public static readonly TimeSpan ModelTime = TimeSpan.FromTicks(2_844_184); // 284.4184ms

    public ConcurrentQueue<InferenceRequest> Requests { get; } = new();
    public ConcurrentQueue<string> Invalidated { get; } = new();

    public InferenceResult Predict(InferenceRequest request)
    {
        Requests.Enqueue(request);
        if (request.ModelFilePath is null) throw new ApiException(422, "The version has no ONNX model to run.");
        IReadOnlyList<PredictionItem> items = request.ApplicationType == "object_detection"
            ? [new("car", 0.9, "0.5 0.5 0.2 0.1"), new("person", 0.6, "0.25 0.3 0.1 0.4")]
            : [new("cat", 0.8), new("dog", 0.2)];
        return new InferenceResult(items, ModelTime);
    }

    public void Invalidate(string versionId) => Invalidated.Enqueue(versionId);
}

/// <summary>A local server whose inference engine is a <see cref="FakeInferenceEngine"/>.</summary>
public sealed class FakeEngineServerFixture : IAsyncLifetime
{
    public FakeEngineServerFixture() => Server = new LocalServerFixture { InferenceEngine = Engine };

    public FakeInferenceEngine Engine { get; } = new();
    public LocalServerFixture Server { get; }

    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}
