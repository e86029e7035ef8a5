using Microsoft.ML.OnnxRuntime;

namespace SeeMe.Tests.Inference;

public sealed class OnnxRuntimeSmokeTests
{
    [Fact]
    public void The_native_runtime_loads_and_runs_a_model_written_by_the_builder()
    {
        var model = new OnnxGraph()
            .Input("x", OnnxType.Float, 1L, 2L)
            .Initializer("b", [2], [10f, 20f])
            .Node("Add", ["x", "b"], ["y"])
            .Output("y", OnnxType.Float, 1L, 2L)
            .ToModel();
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(new[] { 1f, 2f }, [1, 2]);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["x"], [x], ["y"]);
        Assert.Equal([11f, 22f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
