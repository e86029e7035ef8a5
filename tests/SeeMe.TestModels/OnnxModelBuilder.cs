namespace SeeMe.TestModels;

/// <summary>Where an image model wants its channels.</summary>
public enum ImageLayout
{
    Nchw,
    Nhwc,
}

/// <summary>
/// Small real ONNX models with known answers, for tests of the inference engine, the HTTP endpoints
/// and the cmdlets. Every method returns the bytes of an .onnx file.
/// </summary>
public static class OnnxModelBuilder
{
    /// <summary>Weights of <see cref="ImageClassifier"/> by default: logits = 4 × mean RGB, so a red image gives class 0.</summary>
    public static readonly float[,] ColourWeights = { { 4, 0, 0 }, { 0, 4, 0 }, { 0, 0, 4 } };

    // (1) Image classifier: mean colour per channel (GlobalAveragePool) → Flatten → MatMul weights[3,3] → "logits" [1,3], no softmax;
    //     input "image" float [1,3,S,S] (NCHW) or [1,S,S,3] (NHWC), uint8 (Cast, ÷255 inside) or float, fixed or dynamic ("H","W") size;
    //     with leftHalf only the left half of the image (NCHW, fixed size) is averaged.
    public static byte[] ImageClassifier(float[,] weights = null, int size = 8, ImageLayout layout = ImageLayout.Nchw, bool uint8 = false, bool dynamicSize = false, bool leftHalf = false)
    {
        weights ??= ColourWeights;
        object h = dynamicSize ? "H" : (long)size, w = dynamicSize ? "W" : (long)size;
        object[] dims = layout == ImageLayout.Nchw ? [1L, 3L, h, w] : [1L, h, w, 3L];
        var graph = new OnnxGraph("image_classifier").Input("image", uint8 ? OnnxType.UInt8 : OnnxType.Float, dims);
        var pixels = "image";
        if (uint8)
        {
            graph.Node("Cast", ["image"], ["image_float"], OnnxAttribute.Int("to", OnnxType.Float))
                 .Initializer("byte_scale", [], [255f])
                 .Node("Div", ["image_float", "byte_scale"], ["image_scaled"]);
            pixels = "image_scaled";
        }
        if (layout == ImageLayout.Nhwc)
        {
            graph.Node("Transpose", [pixels], ["image_nchw"], OnnxAttribute.Ints("perm", 0, 3, 1, 2));
            pixels = "image_nchw";
        }
        if (leftHalf)
        {
            graph.Initializer("half_starts", [1], [0L]).Initializer("half_ends", [1], [(long)size / 2]).Initializer("half_axes", [1], [3L])
                 .Node("Slice", [pixels, "half_starts", "half_ends", "half_axes"], ["left_half"]);
            pixels = "left_half";
        }
        return graph
            .Node("GlobalAveragePool", [pixels], ["mean_colour"])
            .Node("Flatten", ["mean_colour"], ["rgb"], OnnxAttribute.Int("axis", 1))
            .Initializer("weights", [3, 3], Flatten(weights))
            .Node("MatMul", ["rgb", "weights"], ["logits"])
            .Output("logits", OnnxType.Float, 1L, 3L)
            .ToModel();
    }

    // (1b) The colour classifier with the mean taken by ReduceMean over H and W: input "image" float [1,3,S,S] → logits [1,3]
    //      = mean RGB × weights. ONNX Runtime sums the unaligned head of a buffer apart from the rest, so this model
    //      shows whether the server feeds it aligned memory: the same image must give the same bits every time.
    public static byte[] ReduceMeanClassifier(float[,] weights = null, int size = 64) =>
        new OnnxGraph("reduce_mean_classifier")
            .Input("image", OnnxType.Float, 1L, 3L, (long)size, (long)size)
            .Node("ReduceMean", ["image"], ["rgb"], OnnxAttribute.Ints("axes", 2, 3), OnnxAttribute.Int("keepdims", 0))
            .Initializer("weights", [3, 3], Flatten(weights ?? ColourWeights))
            .Node("MatMul", ["rgb", "weights"], ["logits"])
            .Output("logits", OnnxType.Float, 1L, 3L)
            .ToModel();

    // (2a) YOLOv5-style detector: input "images" float [1,3,S,S] (only its shape matters); output "output0" [1,N,5+C] = the given rows
    //      (cx, cy, w, h in input pixels, objectness, class scores...), computed as rows + 0 × ReduceMax(images).
    public static byte[] YoloV5Detector(float[][] rows, int size = 64) =>
        ConstantDetector(Flatten(rows), [1, rows.Length, rows[0].Length], size);

    // (2b) YOLOv8-style detector: as (2a) but the rows (cx, cy, w, h, class scores...) are written transposed, output [1,4+C,N].
    public static byte[] YoloV8Detector(float[][] rows, int size = 64)
    {
        int boxes = rows.Length, attributes = rows[0].Length;
        var data = new float[boxes * attributes];
        for (var b = 0; b < boxes; b++)
            for (var a = 0; a < attributes; a++)
                data[a * boxes + b] = rows[b][a];
        return ConstantDetector(data, [1, attributes, boxes], size);
    }

    // (3a) Text classifier: input "text" string [1]; ai.onnx.ml LabelEncoder maps whole words to class indexes (unknown → 0),
    //      OneHot gives "probabilities" float [1, classCount] (1 for the word's class, 0 elsewhere).
    public static byte[] TextClassifier(IReadOnlyDictionary<string, long> wordClasses, int classCount) =>
        TextGraph(wordClasses, classCount, [1L])
            .Output("probabilities", OnnxType.Float, 1L, (long)classCount)
            .ToModel();

    // (3b) Text classifier in the scikit-learn/onnxmltools shape: input "text" string [N,1]; outputs "label" int64 [N] (ArgMax) and
    //      "probability_map", a ZipMap sequence of maps class name → probability (1 for the word's class).
    public static byte[] TextClassifierWithZipMap(IReadOnlyDictionary<string, long> wordClasses, string[] classNames) =>
        TextGraph(wordClasses, classNames.Length, ["N", 1L])
            .Node("ArgMax", ["probabilities"], ["label"], OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("keepdims", 0))
            .NodeIn("ai.onnx.ml", "ZipMap", ["probabilities_2d"], ["probability_map"], OnnxAttribute.Strings("classlabels_strings", classNames))
            .Output("label", OnnxType.Int64, "N")
            .SequenceOfMapsOutput("probability_map", OnnxType.String)
            .ToModel();

    // (4a) Linear classifier on one vector: input "features" float [1,F]; "logits" [1,C] = features × weights[F,C] + bias (no softmax).
    public static byte[] LinearClassifier(float[,] weights, float[] bias) =>
        LinearGraph(new OnnxGraph("linear").Input("features", OnnxType.Float, 1L, (long)weights.GetLength(0)), "features", weights, bias);

    // (4b) The same linear classifier with one input per feature: inputs named featureNames, float [1,1] each, concatenated in that order.
    public static byte[] LinearClassifierPerFeature(string[] featureNames, float[,] weights, float[] bias)
    {
        var graph = new OnnxGraph("linear_per_feature");
        foreach (var name in featureNames) graph.Input(name, OnnxType.Float, 1L, 1L);
        graph.Node("Concat", featureNames, ["features"], OnnxAttribute.Int("axis", 1));
        return LinearGraph(graph, "features", weights, bias);
    }

    // (4c) scikit-learn style ai.onnx.ml LinearClassifier with SOFTMAX: input "features" float [1,F];
    //      outputs "label" string [1] (the best class name) and "probabilities" float [1,C].
    public static byte[] MlLinearClassifier(float[,] weights, float[] bias, string[] classNames)
    {
        int features = weights.GetLength(0), classes = weights.GetLength(1);
        var coefficients = new float[classes * features]; // class-major: coefficients[c*F + f]
        for (var c = 0; c < classes; c++)
            for (var f = 0; f < features; f++)
                coefficients[c * features + f] = weights[f, c];
        return new OnnxGraph("ml_linear")
            .Input("features", OnnxType.Float, 1L, (long)features)
            .NodeIn("ai.onnx.ml", "LinearClassifier", ["features"], ["label", "probabilities"],
                OnnxAttribute.Floats("coefficients", coefficients),
                OnnxAttribute.Floats("intercepts", bias),
                OnnxAttribute.Strings("classlabels_strings", classNames),
                OnnxAttribute.String("post_transform", "SOFTMAX"))
            .Output("label", OnnxType.String, 1L)
            .Output("probabilities", OnnxType.Float, 1L, (long)classes)
            .ToModel();
    }

    private static byte[] ConstantDetector(float[] data, long[] outputDims, int size) =>
        new OnnxGraph("detector")
            .Input("images", OnnxType.Float, 1L, 3L, (long)size, (long)size)
            .Node("ReduceMax", ["images"], ["image_max"], OnnxAttribute.Int("keepdims", 0))
            .Initializer("zero", [], [0f])
            .Node("Mul", ["image_max", "zero"], ["nothing"])
            .Initializer("boxes", outputDims, data)
            .Node("Add", ["boxes", "nothing"], ["output0"])
            .Output("output0", OnnxType.Float, outputDims.Cast<object>().ToArray())
            .ToModel();

    private static OnnxGraph TextGraph(IReadOnlyDictionary<string, long> wordClasses, int classCount, object[] inputDims) =>
        new OnnxGraph("text_classifier")
            .Input("text", OnnxType.String, inputDims)
            .Node("Reshape", ["text", "flat_shape"], ["words"])
            .Initializer("flat_shape", [1], [-1L])
            .NodeIn("ai.onnx.ml", "LabelEncoder", ["words"], ["class_index"],
                OnnxAttribute.Strings("keys_strings", wordClasses.Keys.ToArray()),
                OnnxAttribute.Ints("values_int64s", wordClasses.Values.ToArray()),
                OnnxAttribute.Int("default_int64", 0))
            .Initializer("depth", [1], [(long)classCount])
            .Initializer("off_on", [2], [0f, 1f])
            .Node("OneHot", ["class_index", "depth", "off_on"], ["probabilities"], OnnxAttribute.Int("axis", -1))
            .Initializer("two_d", [2], [-1L, classCount])
            .Node("Reshape", ["probabilities", "two_d"], ["probabilities_2d"]);

    private static byte[] LinearGraph(OnnxGraph graph, string features, float[,] weights, float[] bias) =>
        graph.Initializer("weights", [weights.GetLength(0), weights.GetLength(1)], Flatten(weights))
            .Initializer("bias", [bias.Length], bias)
            .Node("MatMul", [features, "weights"], ["scores"])
            .Node("Add", ["scores", "bias"], ["logits"])
            .Output("logits", OnnxType.Float, 1L, (long)bias.Length)
            .ToModel();

    private static float[] Flatten(float[,] matrix) => matrix.Cast<float>().ToArray();

    private static float[] Flatten(float[][] rows) => rows.SelectMany(r => r).ToArray();
}
