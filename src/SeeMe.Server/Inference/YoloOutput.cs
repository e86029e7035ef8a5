using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>
/// The layout of a YOLO output tensor: [1, N, 5+C] rows (cx, cy, w, h, objectness, class scores: YOLOv5/v7)
/// or [1, 4+C, N] columns (cx, cy, w, h, class scores: YOLOv8 and later), with or without the batch dimension.
/// </summary>
internal sealed record YoloLayout(int Boxes, int Attributes, bool AttributesFirst, bool HasObjectness)
{
    public int Classes => Attributes - (HasObjectness ? 5 : 4);

    /// <summary>Matches the shape against the labels count when known, else takes the larger dimension as the box count.</summary>
    public static YoloLayout Detect(long[] shape, int labelCount)
    {
        if (shape.Length == 3 && shape[0] == 1) shape = shape[1..];
        if (shape.Length != 2)
            throw DomainException.ModelCannotRun($"The model's output has shape [{string.Join(",", shape)}]; an object detector must give [1, boxes, 5+classes] or [1, 4+classes, boxes].");
        int a = (int)shape[0], b = (int)shape[1];
        var layout = labelCount > 0 ? FromLabels(a, b, labelCount) : null;
        layout ??= a < b ? new YoloLayout(b, a, AttributesFirst: true, HasObjectness: false)
                         : new YoloLayout(a, b, AttributesFirst: false, HasObjectness: true);
        if (layout.Classes < 1)
            throw DomainException.ModelCannotRun($"The model's output has shape [{string.Join(",", shape)}], too small for YOLO boxes with class scores.");
        return layout;
    }

    private static YoloLayout? FromLabels(int a, int b, int classes) =>
        b == classes + 5 ? new YoloLayout(a, b, false, true)
        : a == classes + 4 ? new YoloLayout(b, a, true, false)
        : a == classes + 5 ? new YoloLayout(b, a, true, true)
        : b == classes + 4 ? new YoloLayout(a, b, false, false)
        : null;
}

/// <summary>Decodes a YOLO output tensor into relative boxes above the confidence threshold.</summary>
internal sealed class YoloOutput(float[] data, YoloLayout layout)
{
    private float At(int box, int attribute) =>
        layout.AttributesFirst ? data[attribute * layout.Boxes + box] : data[box * layout.Attributes + attribute];

    public IReadOnlyList<Detection> Decode(int inputWidth, int inputHeight, double confidenceThreshold)
    {
        var found = new List<Detection>();
        for (var box = 0; box < layout.Boxes; box++)
        {
            var (classIndex, confidence) = BestClass(box);
            if (!(confidence >= confidenceThreshold)) continue; // also skips NaN
            var detection = new Detection(classIndex, confidence, At(box, 0), At(box, 1), At(box, 2), At(box, 3));
            if (detection.IsFinite) found.Add(detection);
        }
        return ToRelative(found, inputWidth, inputHeight);
    }

    private (int, double) BestClass(int box)
    {
        var first = layout.HasObjectness ? 5 : 4;
        var best = 0;
        for (var c = 1; c < layout.Classes; c++)
            if (At(box, first + c) > At(box, first + best)) best = c;
        double score = At(box, first + best);
        return (best, layout.HasObjectness ? score * At(box, 4) : score);
    }

    /// <summary>Pixel boxes divided by the input size; boxes that are all within 0..1 are taken as relative already.</summary>
    private static IReadOnlyList<Detection> ToRelative(List<Detection> boxes, int width, int height)
    {
        var alreadyRelative = boxes.Count > 0 && boxes.All(d => Math.Max(Math.Max(d.CenterX, d.CenterY), Math.Max(d.Width, d.Height)) <= 1.0);
        if (alreadyRelative) return boxes;
        return boxes.Select(d => d with { CenterX = d.CenterX / width, CenterY = d.CenterY / height, Width = d.Width / width, Height = d.Height / height }).ToList();
    }
}
