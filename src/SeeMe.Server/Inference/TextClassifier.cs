using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>text_classification: the raw text into a model with one string input, the top classes out.</summary>
internal sealed class TextClassifier : IApplicationRunner
{
    public void CheckRequest(InferenceRequest request)
    {
        if (request.Text is not null) return;
        var sent = request.HasImage ? "an image" : request.StructuredJson is not null ? "features" : "nothing";
        throw DomainException.Invalid($"A text classification model needs text (input_text); the request sent {sent}.");
    }

    public InferenceResult Predict(LoadedModel model, InferenceRequest request, InferenceContext context)
    {
        var input = StringInput(model);
        using var feed = new InputFeed().Add(input.Name, TextTensor(request.Text!, input));
        using var outputs = model.Run(feed);
        return new InferenceResult(ClassificationOutputs.Rank(outputs, context.Labels), outputs.Elapsed);
    }

    private static ModelPort StringInput(LoadedModel model)
    {
        if (model.Inputs.Count != 1)
            throw DomainException.ModelCannotRun($"The model takes {model.Inputs.Count} inputs ({string.Join(", ", model.Inputs.Select(i => i.Name))}); " +
                                        "the local server feeds text only to a model with one string input.");
        var input = model.Inputs[0];
        if (!input.IsTensor || input.ElementType != TensorElementType.String)
            throw DomainException.ModelCannotRun($"The model's input '{input.Name}' is {input.Describe()}, not a string tensor: " +
                                        "the local server feeds raw text only to models that take a string (tokenisation inside the model).");
        return input;
    }

    /// <summary>The text as a one-element string tensor, shaped [1], [1,1] ... as the model declares.</summary>
    private static OrtValue TextTensor(string text, ModelPort input)
    {
        var shape = input.Dimensions.Select(_ => 1L).ToArray();
        var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        tensor.StringTensorSetElementAt(text.AsSpan(), 0);
        return tensor;
    }
}
