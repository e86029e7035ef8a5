using Google.Protobuf;

namespace SeeMe.Tests.Inference;

/// <summary>ONNX TensorProto.DataType values used by the test models.</summary>
public static class OnnxType
{
    public const int Float = 1;
    public const int UInt8 = 2;
    public const int Int64 = 7;
    public const int String = 8;
}

/// <summary>An ONNX node attribute, already encoded as an AttributeProto.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(byte[] proto) => Proto = proto;

    internal byte[] Proto { get; }

    // AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, strings=9, type=20
    // AttributeType: FLOAT=1, INT=2, STRING=3, TENSOR=4, FLOATS=6, INTS=7, STRINGS=8
    public static OnnxAttribute Int(string name, long value) => Make(name, 2, w => { w.WriteTag(3, WireFormat.WireType.Varint); w.WriteInt64(value); });
    public static OnnxAttribute Float(string name, float value) => Make(name, 1, w => { w.WriteTag(2, WireFormat.WireType.Fixed32); w.WriteFloat(value); });
    public static OnnxAttribute String(string name, string value) => Make(name, 3, w => ProtoWriter.Bytes(w, 4, System.Text.Encoding.UTF8.GetBytes(value)));
    public static OnnxAttribute Tensor(string name, byte[] tensorProto) => Make(name, 4, w => ProtoWriter.Bytes(w, 5, tensorProto));

    public static OnnxAttribute Floats(string name, params float[] values) => Make(name, 6, w =>
    {
        foreach (var v in values) { w.WriteTag(7, WireFormat.WireType.Fixed32); w.WriteFloat(v); }
    });

    public static OnnxAttribute Ints(string name, params long[] values) => Make(name, 7, w =>
    {
        foreach (var v in values) { w.WriteTag(8, WireFormat.WireType.Varint); w.WriteInt64(v); }
    });

    public static OnnxAttribute Strings(string name, params string[] values) => Make(name, 8, w =>
    {
        foreach (var v in values) ProtoWriter.Bytes(w, 9, System.Text.Encoding.UTF8.GetBytes(v));
    });

    private static OnnxAttribute Make(string name, int type, Action<CodedOutputStream> value) => new(ProtoWriter.Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(name);
        value(w);
        w.WriteTag(20, WireFormat.WireType.Varint); w.WriteInt32(type);
    }));
}

/// <summary>
/// A minimal ONNX graph writer (no protoc): add inputs, initializers, nodes and outputs, then
/// <see cref="ToModel"/> gives the bytes of a ModelProto that ONNX Runtime loads.
/// Dimensions are <c>long</c> (fixed) or <c>string</c> (symbolic, e.g. "N").
/// </summary>
public sealed class OnnxGraph(string name = "test")
{
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];

    public OnnxGraph Input(string name, int elemType, params object[] dims)
    {
        _inputs.Add(ValueInfo(name, TensorTypeProto(elemType, dims)));
        return this;
    }

    public OnnxGraph Output(string name, int elemType, params object[] dims)
    {
        _outputs.Add(ValueInfo(name, TensorTypeProto(elemType, dims)));
        return this;
    }

    /// <summary>An output of type sequence(map(key, float)), as written by ai.onnx.ml ZipMap.</summary>
    public OnnxGraph SequenceOfMapsOutput(string name, int keyType)
    {
        // TypeProto: tensor_type=1, sequence_type=4, map_type=5; Sequence: elem_type=1; Map: key_type=1, value_type=2
        var map = ProtoWriter.Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt32(keyType);
            ProtoWriter.Bytes(w, 2, TensorTypeProto(OnnxType.Float, null));
        });
        var mapType = ProtoWriter.Message(w => ProtoWriter.Bytes(w, 5, map));
        var sequence = ProtoWriter.Message(w => ProtoWriter.Bytes(w, 1, mapType));
        _outputs.Add(ValueInfo(name, ProtoWriter.Message(w => ProtoWriter.Bytes(w, 4, sequence))));
        return this;
    }

    public OnnxGraph Initializer(string name, long[] dims, float[] data)
    {
        _initializers.Add(FloatTensor(name, dims, data));
        return this;
    }

    public OnnxGraph Initializer(string name, long[] dims, long[] data)
    {
        _initializers.Add(Int64Tensor(name, dims, data));
        return this;
    }

    public OnnxGraph Node(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes) =>
        NodeIn("", opType, inputs, outputs, attributes);

    /// <summary>A node of another operator domain, e.g. "ai.onnx.ml".</summary>
    public OnnxGraph NodeIn(string domain, string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        // NodeProto: input=1, output=2, name=3, op_type=4, attribute=5, domain=7
        _nodes.Add(ProtoWriter.Message(w =>
        {
            foreach (var i in inputs) { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(i); }
            foreach (var o in outputs) { w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteString(o); }
            w.WriteTag(3, WireFormat.WireType.LengthDelimited); w.WriteString($"{opType}_{_nodes.Count}");
            w.WriteTag(4, WireFormat.WireType.LengthDelimited); w.WriteString(opType);
            foreach (var a in attributes) ProtoWriter.Bytes(w, 5, a.Proto);
            if (domain.Length > 0) { w.WriteTag(7, WireFormat.WireType.LengthDelimited); w.WriteString(domain); }
        }));
        return this;
    }

    /// <summary>The ModelProto bytes: IR version 8, opset 13 of the default domain and 3 of ai.onnx.ml.</summary>
    public byte[] ToModel()
    {
        // GraphProto: node=1, name=2, initializer=5, input=11, output=12
        var graph = ProtoWriter.Message(w =>
        {
            foreach (var n in _nodes) ProtoWriter.Bytes(w, 1, n);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteString(name);
            foreach (var t in _initializers) ProtoWriter.Bytes(w, 5, t);
            foreach (var i in _inputs) ProtoWriter.Bytes(w, 11, i);
            foreach (var o in _outputs) ProtoWriter.Bytes(w, 12, o);
        });
        // ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8
        return ProtoWriter.Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt64(8);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteString("seeme-tests");
            ProtoWriter.Bytes(w, 7, graph);
            ProtoWriter.Bytes(w, 8, Opset("", 13));
            ProtoWriter.Bytes(w, 8, Opset("ai.onnx.ml", 3));
        });
    }

    // TensorProto: dims=1, data_type=2, float_data=4 (packed), int64_data=7 (packed), name=8
    public static byte[] FloatTensor(string name, long[] dims, float[] data) => ProtoWriter.Message(w =>
    {
        TensorHeader(w, name, dims, OnnxType.Float);
        ProtoWriter.Bytes(w, 4, ProtoWriter.Message(p => { foreach (var v in data) p.WriteFloat(v); }));
    });

    public static byte[] Int64Tensor(string name, long[] dims, long[] data) => ProtoWriter.Message(w =>
    {
        TensorHeader(w, name, dims, OnnxType.Int64);
        ProtoWriter.Bytes(w, 7, ProtoWriter.Message(p => { foreach (var v in data) p.WriteInt64(v); }));
    });

    private static void TensorHeader(CodedOutputStream w, string name, long[] dims, int dataType)
    {
        foreach (var d in dims) { w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt64(d); }
        w.WriteTag(2, WireFormat.WireType.Varint); w.WriteInt32(dataType);
        w.WriteTag(8, WireFormat.WireType.LengthDelimited); w.WriteString(name);
    }

    // ValueInfoProto: name=1, type=2
    private static byte[] ValueInfo(string name, byte[] typeProto) => ProtoWriter.Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(name);
        ProtoWriter.Bytes(w, 2, typeProto);
    });

    // TypeProto: tensor_type=1; Tensor: elem_type=1, shape=2; TensorShapeProto: dim=1; Dimension: dim_value=1, dim_param=2
    private static byte[] TensorTypeProto(int elemType, object[] dims)
    {
        var tensor = ProtoWriter.Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt32(elemType);
            if (dims is not null) ProtoWriter.Bytes(w, 2, Shape(dims));
        });
        return ProtoWriter.Message(w => ProtoWriter.Bytes(w, 1, tensor));
    }

    private static byte[] Shape(object[] dims) => ProtoWriter.Message(w =>
    {
        foreach (var d in dims)
        {
            ProtoWriter.Bytes(w, 1, ProtoWriter.Message(dw =>
            {
                if (d is string symbol) { dw.WriteTag(2, WireFormat.WireType.LengthDelimited); dw.WriteString(symbol); }
                else { dw.WriteTag(1, WireFormat.WireType.Varint); dw.WriteInt64(Convert.ToInt64(d)); }
            }));
        }
    });

    // OperatorSetIdProto: domain=1, version=2
    private static byte[] Opset(string domain, long version) => ProtoWriter.Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(domain);
        w.WriteTag(2, WireFormat.WireType.Varint); w.WriteInt64(version);
    });
}

/// <summary>Writes protobuf messages with Google.Protobuf's CodedOutputStream.</summary>
internal static class ProtoWriter
{
    public static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }
        return buffer.ToArray();
    }

    public static void Bytes(CodedOutputStream w, int field, byte[] bytes)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(bytes));
    }
}
