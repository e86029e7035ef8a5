using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// structured: named features in, classes out. The features go either one per model input (inputs named
/// like the features) or, with config <c>column_names</c>, as one vector [1, F] in that column order.
/// </summary>
internal sealed class StructuredClassifier : IApplicationRunner
{
    public void CheckRequest(InferenceRequest request)
    {
        if (request.StructuredJson is not null) return;
        var sent = request.HasImage ? "an image" : request.Text is not null ? "plain text" : "nothing";
        throw DomainException.Invalid($"A structured model needs its features as a JSON object (input_text); the request sent {sent}.");
    }

    public InferenceResult Predict(LoadedModel model, InferenceRequest request, InferenceContext context)
    {
        var features = StructuredFeatures.Parse(request.StructuredJson!);
        using var feed = UsesVector(model, context.Config, features)
            ? VectorFeed(model.Inputs[0], context.Config.ColumnNames!, features)
            : PerInputFeed(model, features);
        using var outputs = model.Run(feed);
        return new InferenceResult(ClassificationOutputs.Rank(outputs, context.Labels), outputs.Elapsed);
    }

    /// <summary>One input and column_names: a vector. One input that takes several values but no column_names: refused.</summary>
    private static bool UsesVector(LoadedModel model, InferenceConfig config, StructuredFeatures features)
    {
        if (model.Inputs.Count != 1) return false;
        if (config.ColumnNames is not null) return true;
        var dims = model.Inputs[0].Dimensions;
        if (dims.Length > 0 && dims[^1] != 1 && !features.Has(model.Inputs[0].Name))
            throw DomainException.ModelCannotRun($"The model takes one vector of {(dims[^1] > 0 ? dims[^1] : "several")} features ('{model.Inputs[0].Name}'): " +
                                        "set column_names in the version config (e.g. \"a,b,c\") to give their order.");
        return false;
    }

    private static InputFeed VectorFeed(ModelPort input, IReadOnlyList<string> columns, StructuredFeatures features)
    {
        var dims = input.Dimensions;
        if (dims.Length > 0 && dims[^1] > 0 && dims[^1] != columns.Count)
            throw DomainException.ModelCannotRun($"The model's input '{input.Name}' takes {dims[^1]} features, but the config's column_names lists {columns.Count}.");
        var shape = dims.Select((d, i) => i == dims.Length - 1 ? columns.Count : 1L).ToArray();
        var values = columns.Select(features.Number).ToArray();
        return new InputFeed().Add(input.Name, NumericTensor(input, values, shape));
    }

    private static InputFeed PerInputFeed(LoadedModel model, StructuredFeatures features)
    {
        var missing = model.Inputs.Where(i => !features.Has(i.Name)).Select(i => $"'{i.Name}'").ToArray();
        if (missing.Length > 0)
            throw DomainException.Invalid($"The feature{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                                        $"{(missing.Length > 1 ? "are" : "is")} missing from the input: the model needs {string.Join(", ", model.Inputs.Select(i => i.Name))}.");
        var feed = new InputFeed();
        try
        {
            foreach (var input in model.Inputs) feed.Add(input.Name, FeatureTensor(input, features));
            return feed;
        }
        catch
        {
            feed.Dispose();
            throw;
        }
    }

    /// <summary>One feature as a one-element tensor of the input's type, shaped [1], [1,1] ... as declared.</summary>
    private static OrtValue FeatureTensor(ModelPort input, StructuredFeatures features)
    {
        var shape = input.Dimensions.Select(_ => 1L).ToArray();
        if (input.IsTensor && input.ElementType == TensorElementType.String)
        {
            var text = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            text.StringTensorSetElementAt(features.Text(input.Name).AsSpan(), 0);
            return text;
        }
        return NumericTensor(input, [features.Number(input.Name)], shape);
    }

    private static OrtValue NumericTensor(ModelPort input, double[] values, long[] shape) => input.IsTensor ? input.ElementType switch
    {
        TensorElementType.Float => OrtTensors.Of(values.Select(v => (float)v).ToArray(), shape),
        TensorElementType.Double => OrtTensors.Of(values, shape),
        TensorElementType.Int64 => OrtTensors.Of(values.Select(v => (long)Math.Round(v)).ToArray(), shape),
        TensorElementType.Int32 => OrtTensors.Of(values.Select(v => (int)Math.Round(v)).ToArray(), shape),
        _ => throw Unsupported(input),
    } : throw Unsupported(input);

    private static DomainException Unsupported(ModelPort input) =>
        DomainException.ModelCannotRun($"The model's input '{input.Name}' is {input.Describe()}; the local server feeds features as float, double, int32, int64 or string tensors.");
}
