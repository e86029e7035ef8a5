using Microsoft.ML.OnnxRuntime.Tensors;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>object_detection: the image in, one prediction per YOLO box after threshold and NMS.</summary>
internal sealed class ObjectDetector : IApplicationRunner
{
    public const int DefaultInputSize = 640;

    public void CheckRequest(InferenceRequest request) => ImageClassifier.RequireImage(request, "object detection");

    public InferenceResult Predict(LoadedModel model, InferenceRequest request, InferenceContext context)
    {
        var spec = ImageTensorSpec.For(model, context.Config, DefaultInputSize);
        using var image = ImageInput.Decode(request);
        using var feed = new InputFeed().Add(spec.InputName, ImageInput.ToTensor(image, spec, context.Config));
        using var outputs = model.Run(feed);
        var boxes = Decode(outputs, spec, context);
        var items = NonMaximumSuppression.Apply(boxes, context.Config.IouThreshold)
            .Select(d => d.ClampedToImage())
            .Select(d => new PredictionItem(context.Labels.NameOf(d.ClassIndex), d.Confidence, d.Coordinates))
            .ToArray();
        return new InferenceResult(items, outputs.Elapsed);
    }

    private static IReadOnlyList<Detection> Decode(ModelOutputs outputs, ImageTensorSpec spec, InferenceContext context)
    {
        var value = BoxesOutput(outputs);
        var layout = YoloLayout.Detect(value.GetTensorTypeAndShape().Shape, context.Labels.Count);
        var data = value.GetTensorDataAsSpan<float>().ToArray();
        return new YoloOutput(data, layout).Decode(spec.Width, spec.Height, context.Config.ConfidenceThreshold);
    }

    /// <summary>The first float output of rank 2 or 3: the boxes.</summary>
    private static Microsoft.ML.OnnxRuntime.OrtValue BoxesOutput(ModelOutputs outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = outputs.ValueAt(i);
            if (!value.IsTensor) continue;
            var info = value.GetTensorTypeAndShape();
            if (info.ElementDataType == TensorElementType.Float && info.Shape.Length is 2 or 3) return value;
        }
        throw DomainException.ModelCannotRun("The model has no float output of shape [1, boxes, 5+classes] or [1, 4+classes, boxes]: it is not a YOLO-style object detector.");
    }
}
