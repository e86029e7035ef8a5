using Microsoft.ML.OnnxRuntime;
using SeeMe.Server.Domain;

namespace SeeMe.Server.Inference;

/// <summary>A model file as it is on disk now: a new upload changes the stamp.</summary>
internal readonly record struct ModelFileStamp(string Path, DateTime LastWriteUtc, long Length);

/// <summary>Checks a version's model file and loads it into ONNX Runtime, refusing clearly what cannot run.</summary>
internal static class ModelFile
{
    public static ModelFileStamp Stamp(string? path)
    {
        if (string.IsNullOrEmpty(path))
            throw DomainException.ModelCannotRun("This model version has no model file: upload an ONNX (.onnx) model to run predictions.");
        var info = new FileInfo(path);
        if (!info.Exists)
            throw DomainException.ModelCannotRun("The model file of this version is missing on the server: upload it again.");
        return new ModelFileStamp(path, info.LastWriteTimeUtc, info.Length);
    }

    /// <summary>Loads the file; <paramref name="fileName"/> names it in messages (by default its name on disk).</summary>
    public static LoadedModel Load(ModelFileStamp stamp, string? fileName = null)
    {
        var name = fileName ?? Path.GetFileName(stamp.Path);
        var header = Header(stamp.Path);
        if (!LooksLikeOnnx(fileName ?? stamp.Path, header))
            throw DomainException.ModelCannotRun($"The model file '{name}' is not an ONNX model{Describe(header)}; " +
                                        "the local server runs only ONNX (.onnx) models.");
        try
        {
            return new LoadedModel(stamp.Path);
        }
        catch (OnnxRuntimeException e)
        {
            throw DomainException.ModelCannotRun($"The .onnx file '{name}' could not be loaded: {e.Message.Replace(stamp.Path, name)}"); // no server paths in a reply
        }
    }

    private static byte[] Header(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var header = new byte[8];
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return header[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DomainException.ModelCannotRun($"The model file of this version could not be read: {e.Message}");
        }
    }

    /// <summary>An .onnx name, or a protobuf that starts as a ModelProto does (field 1, ir_version, varint).</summary>
    private static bool LooksLikeOnnx(string path, byte[] header) =>
        path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || (header.Length > 1 && header[0] == 0x08);

    private static string Describe(byte[] header) => header switch
    {
        [] => " (the file is empty)",
        [0x80, ..] => " (it is a Python pickle, e.g. a fastai or scikit-learn export)",
        [(byte)'P', (byte)'K', ..] => " (it is a zip archive, e.g. a PyTorch, Keras or Core ML file)",
        [_, _, _, _, (byte)'T', (byte)'F', (byte)'L', (byte)'3'] => " (it is a TensorFlow Lite model)",
        [0x89, (byte)'H', (byte)'D', (byte)'F', ..] => " (it is an HDF5 file, e.g. a Keras .h5 model)",
        _ => "",
    };
}
