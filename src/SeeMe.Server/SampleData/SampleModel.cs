namespace SeeMe.Server.SampleData;

/// <summary>
/// The sample image classifier: the mean colour of a 32×32 RGB image (GlobalAveragePool) times a 3×3
/// weight matrix gives the logits of red, green and blue, so it tells the sample images apart for real.
/// </summary>
public static class SampleModel
{
    public static readonly string[] Labels = ["red", "green", "blue"];

    public const int InputSize = 32;

    public static byte[] Onnx()
    {
        float[] weights = [4, 0, 0, 0, 4, 0, 0, 0, 4];
        var graph = OnnxWriter.Graph("sample_colours",
            nodes:
            [
                OnnxWriter.Node("GlobalAveragePool", ["image"], "mean_colour"),
                OnnxWriter.Node("Flatten", ["mean_colour"], "rgb", ("axis", 1)),
                OnnxWriter.Node("MatMul", ["rgb", "weights"], "logits"),
            ],
            initializers: [OnnxWriter.FloatTensor("weights", [3, 3], weights)],
            input: OnnxWriter.FloatValue("image", 1, 3, InputSize, InputSize),
            output: OnnxWriter.FloatValue("logits", 1, 3));
        return OnnxWriter.Model(graph);
    }

    /// <summary>labels.txt: one class per line, in the order of the model's outputs.</summary>
    public static byte[] LabelsFile() => System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Labels) + "\n");
}
