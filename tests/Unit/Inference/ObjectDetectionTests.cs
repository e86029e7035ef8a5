using SeeMe.Server.Inference;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Inference;

public sealed class ObjectDetectionTests : IDisposable
{
    private readonly InferenceTestApi _api = new();

    public void Dispose() => _api.Dispose();

    // Input 64×64 pixels; classes cat, dog. Rows: cx, cy, w, h (pixels), [objectness,] cat, dog.
    private static readonly (float[] Box, float Objectness, float Cat, float Dog)[] Boxes =
    [
        ([32, 32, 16, 16], 0.9f, 0.9f, 0.1f),  // cat 0.81 at (0.5, 0.5, 0.25, 0.25)
        ([34, 32, 16, 16], 0.8f, 0.8f, 0.2f),  // cat 0.64, IoU 0.78 with the first: removed by NMS
        ([16, 48, 8, 8], 0.95f, 0.2f, 0.8f),   // dog 0.76 at (0.25, 0.75, 0.125, 0.125)
        ([48, 16, 8, 8], 0.2f, 0.9f, 0.1f),    // cat 0.18: under the 0.25 threshold
        ([60, 60, 16, 16], 0.5f, 0.6f, 0.4f),  // cat 0.30, cut at the image edge: x and y 52..64
        ([0, 0, 0, 0], 0f, 0f, 0f),            // padding
        ([0, 0, 0, 0], 0f, 0f, 0f),
        ([0, 0, 0, 0], 0f, 0f, 0f),
    ];

    private static float[][] V5Rows => Boxes.Select(b => b.Box.Concat([b.Objectness, b.Cat, b.Dog]).ToArray()).ToArray();

    // YOLOv8 has no objectness: the class scores are the products above.
    private static float[][] V8Rows => Boxes.Select(b => b.Box.Concat([b.Objectness * b.Cat, b.Objectness * b.Dog]).ToArray()).ToArray();

    private static readonly (string Label, double Confidence, double[] Box)[] Expected =
    [
        ("cat", 0.81, [0.5, 0.5, 0.25, 0.25]),
        ("dog", 0.76, [0.25, 0.75, 0.125, 0.125]),
        ("cat", 0.30, [58 / 64.0, 58 / 64.0, 12 / 64.0, 12 / 64.0]),
    ];

    private InferenceResult Detect(byte[] model, string config = "", bool labels = true) =>
        _api.Engine.Predict(_api.Request("object_detection", model, labels ? _api.Labels("cat", "dog") : null, config)
            with { ImageBytes = TestImages.Solid(TestImages.Red, 100, 80) });

    private static void AssertBoxes(IReadOnlyList<(string Label, double Confidence, double[] Box)> expected, InferenceResult result)
    {
        Assert.Equal(expected.Count, result.Items.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var item = result.Items[i];
            Assert.Equal(expected[i].Label, item.Label);
            Assert.Equal(expected[i].Confidence, item.Confidence, 1e-3);
            var box = item.Coordinates.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(4, box.Length);
            for (var k = 0; k < 4; k++) Assert.Equal(expected[i].Box[k], box[k], 1e-3);
        }
    }

    [Fact]
    public void Yolov5_rows_give_relative_boxes_after_threshold_and_nms()
    {
        var result = Detect(OnnxModelBuilder.YoloV5Detector(V5Rows));
        AssertBoxes(Expected, result);
        Assert.Equal("0.5 0.5 0.25 0.25", result.Items[0].Coordinates);
    }

    [Fact]
    public void Yolov8_columns_give_the_same_boxes()
    {
        AssertBoxes(Expected, Detect(OnnxModelBuilder.YoloV8Detector(V8Rows)));
    }

    [Fact]
    public void Without_labels_the_layout_comes_from_the_shape_and_classes_are_indexes()
    {
        var expected = Expected.Select(e => (e.Label == "cat" ? "0" : "1", e.Confidence, e.Box)).ToArray();
        AssertBoxes(expected, Detect(OnnxModelBuilder.YoloV5Detector(V5Rows), labels: false));
        AssertBoxes(expected, Detect(OnnxModelBuilder.YoloV8Detector(V8Rows), labels: false));
    }

    [Fact]
    public void Thresholds_come_from_the_config()
    {
        var result = Detect(OnnxModelBuilder.YoloV5Detector(V5Rows), """{"confidence_threshold":0.5,"iou_threshold":0.9}""");
        AssertBoxes(
        [
            ("cat", 0.81, [0.5, 0.5, 0.25, 0.25]),
            ("dog", 0.76, [0.25, 0.75, 0.125, 0.125]),
            ("cat", 0.64, [34 / 64.0, 0.5, 0.25, 0.25]),
        ], result);
    }

    [Fact]
    public void Nms_is_per_class()
    {
        // the same box twice, once as cat and once as dog: both stay
        float[][] rows = [[32, 32, 16, 16, 0.9f, 0.9f, 0.1f], [32, 32, 16, 16, 0.9f, 0.1f, 0.8f], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]];
        var result = Detect(OnnxModelBuilder.YoloV5Detector(rows));
        Assert.Equal(["cat", "dog"], result.Items.Select(i => i.Label));
    }

    [Fact]
    public void A_detector_that_finds_nothing_answers_no_items()
    {
        Assert.Empty(Detect(OnnxModelBuilder.YoloV5Detector(V5Rows), """{"confidence_threshold":0.99}""").Items);
    }

    [Fact]
    public void An_image_classifier_is_not_a_detector()
    {
        var request = _api.Request("object_detection", OnnxModelBuilder.ImageClassifier()) with { ImageBytes = TestImages.Solid(TestImages.Red) };
        var error = _api.Refusal(request);
        Assert.Equal(422, error.Status);
        Assert.Contains("shape", error.Message);
    }
}
