using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeeMe.TestModels;

/// <summary>
/// Small real PNG images (8-bit RGB, no dependencies): solid colours for the ONNX image classifier of
/// <see cref="OnnxModelBuilder.ImageClassifier"/>, whose answer is the dominant channel.
/// </summary>
public static class TestPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> PNG of one colour.</summary>
    public static byte[] Solid(byte red, byte green, byte blue, int width = 16, int height = 16) =>
        Encode(width, height, (_, _) => (red, green, blue));

    /// <summary>A PNG of random pixels, the same for the same <paramref name="seed"/>.</summary>
    public static byte[] Noise(int seed, int width = 160, int height = 120)
    {
        var random = new Random(seed);
        return Encode(width, height, (_, _) => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
    }

    /// <summary>A PNG whose pixel (x, y) has the colour <paramref name="pixel"/> gives.</summary>
    public static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB; compression, filter and interlace stay 0

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + width * 3]; // filter type 0 (None), then RGB triples
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (r, g, b) = pixel(x, y);
                    row[1 + x * 3] = r; row[2 + x * 3] = g; row[3 + x * 3] = b;
                }
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        output.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
