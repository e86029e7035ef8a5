using System.Text;

namespace SeeMe.Server.SampleData;

/// <summary>
/// Just enough of the protobuf wire format to write a small ONNX ModelProto by hand (no protoc, no
/// Google.Protobuf in the server): messages are byte arrays built from tagged fields.
/// </summary>
internal static class OnnxWriter
{
    private const int Varint = 0, LengthDelimited = 2;

    /// <summary>ModelProto (ir_version=1, producer_name=2, graph=7, opset_import=8): IR 8, default-domain opset 13.</summary>
    public static byte[] Model(byte[] graph) => Message(w =>
    {
        VarintField(w, 1, 8);
        StringField(w, 2, "seeme-local-server");
        BytesField(w, 7, graph);
        BytesField(w, 8, Message(o => { StringField(o, 1, ""); VarintField(o, 2, 13); }));
    });

    /// <summary>GraphProto: node=1, name=2, initializer=5, input=11, output=12.</summary>
    public static byte[] Graph(string name, IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, byte[] input, byte[] output) => Message(w =>
    {
        foreach (var node in nodes) BytesField(w, 1, node);
        StringField(w, 2, name);
        foreach (var tensor in initializers) BytesField(w, 5, tensor);
        BytesField(w, 11, input);
        BytesField(w, 12, output);
    });

    /// <summary>NodeProto: input=1, output=2, name=3, op_type=4, attribute=5 (AttributeProto name=1, i=3, type=20 with INT=2).</summary>
    public static byte[] Node(string opType, string[] inputs, string output, (string Name, long Value)? intAttribute = null) => Message(w =>
    {
        foreach (var input in inputs) StringField(w, 1, input);
        StringField(w, 2, output);
        StringField(w, 3, opType + "_" + output);
        StringField(w, 4, opType);
        if (intAttribute is { } attribute)
            BytesField(w, 5, Message(a => { StringField(a, 1, attribute.Name); VarintField(a, 3, attribute.Value); VarintField(a, 20, 2); }));
    });

    /// <summary>A float TensorProto: dims=1, data_type=2 (FLOAT=1), float_data=4 (packed), name=8.</summary>
    public static byte[] FloatTensor(string name, long[] dims, float[] values) => Message(w =>
    {
        foreach (var dim in dims) VarintField(w, 1, dim);
        VarintField(w, 2, 1);
        BytesField(w, 4, values.SelectMany(BitConverter.GetBytes).ToArray());
        StringField(w, 8, name);
    });

    /// <summary>ValueInfoProto (name=1, type=2) of a float tensor: TypeProto.tensor_type=1 {elem_type=1, shape=2 {dim=1 {dim_value=1}}}.</summary>
    public static byte[] FloatValue(string name, params long[] dims) => Message(w =>
    {
        StringField(w, 1, name);
        var shape = Message(s => { foreach (var dim in dims) BytesField(s, 1, Message(d => VarintField(d, 1, dim))); });
        var tensor = Message(t => { VarintField(t, 1, 1); BytesField(t, 2, shape); });
        BytesField(w, 2, Message(t => BytesField(t, 1, tensor)));
    });

    private static byte[] Message(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    private static void VarintField(Stream w, int field, long value)
    {
        WriteVarint(w, (ulong)(field << 3 | Varint));
        WriteVarint(w, (ulong)value);
    }

    private static void StringField(Stream w, int field, string value) => BytesField(w, field, Encoding.UTF8.GetBytes(value));

    private static void BytesField(Stream w, int field, byte[] bytes)
    {
        WriteVarint(w, (ulong)(field << 3 | LengthDelimited));
        WriteVarint(w, (ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteVarint(Stream w, ulong value)
    {
        while (value >= 0x80)
        {
            w.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        w.WriteByte((byte)value);
    }
}
