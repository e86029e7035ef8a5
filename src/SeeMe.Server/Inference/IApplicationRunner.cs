namespace SeeMe.Server.Inference;

/// <summary>What every prediction needs besides the model: the version's config and class names.</summary>
internal sealed record InferenceContext(InferenceConfig Config, LabelsFile Labels);

/// <summary>Runs one application type: checks the request carries the right kind of input, feeds the model, reads its answer.</summary>
internal interface IApplicationRunner
{
    /// <summary>Throws a 400 when the request lacks this application's input (before any model is loaded).</summary>
    void CheckRequest(InferenceRequest request);

    InferenceResult Predict(LoadedModel model, InferenceRequest request, InferenceContext context);
}
