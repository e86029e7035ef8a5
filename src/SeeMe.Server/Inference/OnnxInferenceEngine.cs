using SeeMe.Server.Http;

namespace SeeMe.Server.Inference;

/// <summary>Runs ONNX models with ONNX Runtime. (Not yet implemented: every request is refused clearly.)</summary>
public sealed class OnnxInferenceEngine : IInferenceEngine
{
    public InferenceResult Predict(InferenceRequest request) =>
        throw new ApiException(422, "This local server cannot run models yet: the version has no runnable ONNX model.");

    public void Invalidate(string versionId)
    {
    }
}
