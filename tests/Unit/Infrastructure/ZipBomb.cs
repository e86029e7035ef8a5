using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeeMe.Tests.Infrastructure;

/// <summary>
/// Zip bombs for the hostile-import tests, built in milliseconds instead of by deflating a GiB:
/// one MiB of zeros is deflated once (ending on a byte boundary) and that block is repeated; the
/// CRC of the whole entry is combined from the CRC of each MiB (zlib's crc32_combine).
/// </summary>
public static class ZipBomb
{
    public const int MiB = 1024 * 1024;

    private const uint Polynomial = 0xEDB88320;
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>
    /// A zip of one deflated entry: <paramref name="head"/>, then zeros, <paramref name="mebibytes"/>
    /// MiB in all. Both headers declare the true size unless <paramref name="declaredSize"/> forges one.
    /// </summary>
    public static byte[] Zeros(string entryName, int mebibytes, byte[] head = null, uint? declaredSize = null)
    {
        head ??= [];
        var first = new byte[MiB];
        head.CopyTo(first, 0);
        var repeated = DeflatedBlocks(new byte[MiB]);
        using var data = new MemoryStream();
        data.Write(DeflatedBlocks(first));
        for (var i = 1; i < mebibytes; i++) data.Write(repeated);
        data.Write([0x03, 0x00]); // an empty final block
        var crc = Crc(first);
        var (zerosCrc, shift) = (Crc(new byte[MiB]), ShiftByOneMiB());
        for (var i = 1; i < mebibytes; i++) crc = MultiplyModP(shift, crc) ^ zerosCrc;
        return Container(entryName, data.ToArray(), crc, declaredSize ?? (uint)((long)mebibytes * MiB));
    }

    /// <summary>The deflated bytes up to a sync flush: non-final blocks that end on a byte boundary.</summary>
    private static byte[] DeflatedBlocks(byte[] content)
    {
        using var buffer = new MemoryStream();
        var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(content);
        deflate.Flush();
        var blocks = buffer.ToArray();
        deflate.Dispose();
        return blocks;
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>x^(8·MiB) modulo the CRC polynomial: what appending one MiB does to a CRC.</summary>
    private static uint ShiftByOneMiB()
    {
        var power = 1u << 30; // x^1
        for (var bits = 8L * MiB; bits > 1; bits >>= 1) power = MultiplyModP(power, power);
        return power;
    }

    /// <summary>a·b modulo the CRC polynomial, in the reflected bit order CRC-32 uses.</summary>
    private static uint MultiplyModP(uint a, uint b)
    {
        var product = 0u;
        for (var m = 1u << 31; m != 0; m >>= 1)
        {
            if ((a & m) != 0) product ^= b;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
        return product;
    }

    /// <summary>A zip file around one deflated entry: local header, data, central directory, end record.</summary>
    private static byte[] Container(string entryName, byte[] data, uint crc, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        using var zip = new MemoryStream();
        var writer = new BinaryWriter(zip);
        writer.Write(0x04034b50u); writer.Write((ushort)20); writer.Write((ushort)0x0800); writer.Write((ushort)8);
        writer.Write(0u); writer.Write(crc); writer.Write((uint)data.Length); writer.Write(size);
        writer.Write((ushort)name.Length); writer.Write((ushort)0); writer.Write(name);
        writer.Write(data);
        var central = (uint)zip.Position;
        writer.Write(0x02014b50u); writer.Write((ushort)20); writer.Write((ushort)20); writer.Write((ushort)0x0800); writer.Write((ushort)8);
        writer.Write(0u); writer.Write(crc); writer.Write((uint)data.Length); writer.Write(size);
        writer.Write((ushort)name.Length); writer.Write((ushort)0); writer.Write((ushort)0); writer.Write((ushort)0); writer.Write((ushort)0);
        writer.Write(0u); writer.Write(0u); writer.Write(name);
        var centralSize = (uint)zip.Position - central;
        writer.Write(0x06054b50u); writer.Write((ushort)0); writer.Write((ushort)0); writer.Write((ushort)1); writer.Write((ushort)1);
        writer.Write(centralSize); writer.Write(central); writer.Write((ushort)0);
        writer.Flush();
        return zip.ToArray();
    }
}
