using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>One ONNX model loaded in ONNX Runtime, with its input and output descriptions.</summary>
internal sealed class LoadedModel : IDisposable
{
    private readonly InferenceSession _session;

    public LoadedModel(string path)
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(path, options);
        Inputs = _session.InputNames.Select(n => new ModelPort(n, _session.InputMetadata[n])).ToArray();
        Outputs = _session.OutputNames.Select(n => new ModelPort(n, _session.OutputMetadata[n])).ToArray();
    }

    public IReadOnlyList<ModelPort> Inputs { get; }
    public IReadOnlyList<ModelPort> Outputs { get; }

    /// <summary>Runs the model (thread-safe); the time covers the run only.</summary>
    public ModelOutputs Run(InputFeed feed)
    {
        using var runOptions = new RunOptions();
        var watch = Stopwatch.StartNew();
        try
        {
            var values = _session.Run(runOptions, feed.Names, feed.Values, Outputs.Select(o => o.Name).ToArray());
            watch.Stop();
            return new ModelOutputs(Outputs, values, watch.Elapsed);
        }
        catch (OnnxRuntimeException e)
        {
            throw DomainException.ModelCannotRun($"The model could not run on this input: {e.Message}");
        }
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>A model input or output: its name and ONNX type.</summary>
internal sealed record ModelPort(string Name, NodeMetadata Metadata)
{
    public bool IsTensor => Metadata.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR;
    public Microsoft.ML.OnnxRuntime.Tensors.TensorElementType ElementType => Metadata.ElementDataType;
    public int[] Dimensions => Metadata.Dimensions;

    /// <summary>e.g. "float[1,3,-1,-1]" or "sequence" for messages.</summary>
    public string Describe() => IsTensor
        ? $"{ElementType.ToString().ToLowerInvariant()}[{string.Join(",", Dimensions)}]"
        : Metadata.OnnxValueType.ToString().Replace("ONNX_TYPE_", "").ToLowerInvariant();
}

/// <summary>The tensors fed to one run; disposes them afterwards.</summary>
internal sealed class InputFeed : IDisposable
{
    private readonly List<string> _names = [];
    private readonly List<OrtValue> _values = [];

    public IReadOnlyList<string> Names => _names;
    public IReadOnlyList<OrtValue> Values => _values;

    public InputFeed Add(string name, OrtValue value)
    {
        _names.Add(name);
        _values.Add(value);
        return this;
    }

    public void Dispose()
    {
        foreach (var value in _values) value.Dispose();
    }
}

/// <summary>The outputs of one run, in the model's output order, and the time the run took.</summary>
internal sealed class ModelOutputs(IReadOnlyList<ModelPort> ports, IDisposableReadOnlyCollection<OrtValue> values, TimeSpan elapsed) : IDisposable
{
    public TimeSpan Elapsed { get; } = elapsed;
    public int Count => ports.Count;
    public ModelPort PortAt(int index) => ports[index];
    public OrtValue ValueAt(int index) => values[index];

    public void Dispose() => values.Dispose();
}
