using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SeeMe.Server.Inference;

/// <summary>
/// Input tensors in ONNX Runtime's own memory, which it aligns. A tensor over a pinned managed array
/// starts wherever the garbage collector put the array, and ONNX Runtime's vectorised reductions
/// (ReduceMean, ...) add the unaligned head of a buffer apart from the rest: the same input then
/// gives results that differ in the last bits from one request to the next. Allocated here, it
/// gives the same bits every time.
/// </summary>
internal static class OrtTensors
{
    public delegate void Fill<T>(Span<T> tensor);

    /// <summary>A tensor of <paramref name="shape"/> allocated by ONNX Runtime and written by <paramref name="fill"/>.</summary>
    public static OrtValue Create<T>(long[] shape, Fill<T> fill) where T : unmanaged
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, ElementType<T>(), shape);
        try
        {
            fill(value.GetTensorMutableDataAsSpan<T>());
            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }

    /// <summary>A tensor of <paramref name="shape"/> holding <paramref name="values"/>.</summary>
    public static OrtValue Of<T>(T[] values, long[] shape) where T : unmanaged =>
        Create<T>(shape, tensor => values.CopyTo(tensor));

    private static TensorElementType ElementType<T>() => typeof(T) switch
    {
        var t when t == typeof(float) => TensorElementType.Float,
        var t when t == typeof(double) => TensorElementType.Double,
        var t when t == typeof(long) => TensorElementType.Int64,
        var t when t == typeof(int) => TensorElementType.Int32,
        var t when t == typeof(byte) => TensorElementType.UInt8,
        var t => throw new NotSupportedException($"No ONNX tensor element type for {t.Name}."),
    };
}
