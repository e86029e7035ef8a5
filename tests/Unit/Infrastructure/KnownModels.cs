using System.Globalization;
using SeeMe.TestModels;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// Real ONNX models with weights chosen so every answer is known in advance, as the HTTP and Core
/// tests upload them, with the labels files and the exact predictions they must give.
/// </summary>
public static class KnownModels
{
    // ---- Image classification: logits = 4 × mean RGB (no softmax in the model; the server applies it).
    public static readonly string[] Colours = ["red", "green", "blue"];
    public static byte[] ColourClassifier() => OnnxModelBuilder.ImageClassifier();

    /// <summary>The same graph with the weights rotated: a red image gives class 1 (green), green gives blue, blue gives red.</summary>
    public static byte[] RotatedColourClassifier() => OnnxModelBuilder.ImageClassifier(new float[,] { { 0, 4, 0 }, { 0, 0, 4 }, { 4, 0, 0 } });

    /// <summary>Softmax of the winning logit 4 against two logits 0: a pure colour's confidence.</summary>
    public static readonly double PureColour = Math.Exp(4) / (Math.Exp(4) + 2);
    /// <summary>Each losing class of a pure colour.</summary>
    public static readonly double OtherColour = 1 / (Math.Exp(4) + 2);

    public static byte[] RedPng() => TestPng.Solid(255, 0, 0);
    public static byte[] GreenPng() => TestPng.Solid(0, 255, 0);
    public static byte[] BluePng() => TestPng.Solid(0, 0, 255);

    // ---- Object detection: a YOLOv5-style detector with a 64×64 input whose output rows are fixed
    //      (cx, cy, w, h in pixels, objectness, cat, dog); the server thresholds at 0.25 and runs NMS.
    public static readonly string[] Animals = ["cat", "dog"];
    public static byte[] Detector() => OnnxModelBuilder.YoloV5Detector(
    [
        [32, 32, 16, 16, 0.9f, 0.9f, 0.1f],  // cat 0.81
        [34, 32, 16, 16, 0.8f, 0.8f, 0.2f],  // cat 0.64, overlaps the first (IoU 0.78): suppressed
        [16, 48, 8, 8, 0.95f, 0.2f, 0.8f],   // dog 0.76
        [48, 16, 8, 8, 0.2f, 0.9f, 0.1f],    // cat 0.18: under the threshold
        [60, 60, 16, 16, 0.5f, 0.6f, 0.4f],  // cat 0.30, cut at the image's edge to 52..64
        [0, 0, 0, 0, 0f, 0f, 0f],
    ], size: 64);

    /// <summary>What <see cref="Detector"/> finds in any image, best first: class, confidence, relative YOLO box.</summary>
    public static readonly (string Label, double Confidence, string Coordinates)[] Detections =
    [
        ("cat", 0.81, "0.5 0.5 0.25 0.25"),
        ("dog", 0.76, "0.25 0.75 0.125 0.125"),
        ("cat", 0.30, "0.90625 0.90625 0.1875 0.1875"),
    ];

    // ---- Text classification: the whole text is looked up (LabelEncoder), unknown text → class 0; one-hot probabilities.
    public static readonly string[] Sentiments = ["neutral", "positive", "negative"];
    public static byte[] TextClassifier() =>
        OnnxModelBuilder.TextClassifier(new Dictionary<string, long> { ["lovely"] = 1, ["awful"] = 2 }, 3);

    // ---- Structured: one vector [a, b, c] (order from config column_names) → logits [no, yes] = x·W + bias.
    public static readonly string[] YesNo = ["no", "yes"];
    public const string ColumnNamesConfig = """{"column_names":"a,b,c"}""";
    public static byte[] LinearClassifier() =>
        OnnxModelBuilder.LinearClassifier(new float[,] { { 1f, -1f }, { 0.5f, 2f }, { -1f, 0.1f } }, [0.1f, -0.2f]);

    /// <summary>The softmax of the linear classifier's logits for features a, b, c.</summary>
    public static (double No, double Yes) LinearExpected(double a, double b, double c)
    {
        double no = a + 0.5 * b - c + 0.1, yes = -a + 2 * b + 0.1 * c - 0.2;
        var sum = Math.Exp(no) + Math.Exp(yes);
        return (Math.Exp(no) / sum, Math.Exp(yes) / sum);
    }

    public static byte[] LabelsFile(params string[] names) => System.Text.Encoding.UTF8.GetBytes(string.Join("\n", names) + "\n");

    /// <summary>A YOLO coordinates string as four numbers.</summary>
    public static double[] Box(string coordinates) =>
        coordinates.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
