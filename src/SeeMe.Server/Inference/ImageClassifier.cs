using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>image_classification: the image in, the top classes out.</summary>
internal sealed class ImageClassifier : IApplicationRunner
{
    public const int DefaultInputSize = 224;

    public void CheckRequest(InferenceRequest request) => RequireImage(request, "image classification");

    public InferenceResult Predict(LoadedModel model, InferenceRequest request, InferenceContext context)
    {
        var spec = ImageTensorSpec.For(model, context.Config, DefaultInputSize);
        using var image = ImageInput.Decode(request);
        using var feed = new InputFeed().Add(spec.InputName, ImageInput.ToTensor(image, spec, context.Config));
        using var outputs = model.Run(feed);
        return new InferenceResult(ClassificationOutputs.Rank(outputs, context.Labels), outputs.Elapsed);
    }

    internal static void RequireImage(InferenceRequest request, string application)
    {
        if (request.HasImage) return;
        var sent = request.Text is not null ? "text" : request.StructuredJson is not null ? "features" : "nothing";
        throw DomainException.Invalid($"An {application} model needs an image file; the request sent {sent}.");
    }
}
