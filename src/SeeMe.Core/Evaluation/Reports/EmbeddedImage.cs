using System;

namespace SeeMe.Core.Evaluation
{
    /// <summary>
    /// An item's picture for the HTML report: its type and size read from its own bytes (PNG, JPEG, GIF, WebP,
    /// BMP), never from a caller's content type, so nothing but a known raster image reaches a data: URI.
    /// </summary>
    internal sealed class EmbeddedImage
    {
        private EmbeddedImage(string contentType, byte[] bytes, int width, int height)
        {
            ContentType = contentType;
            Bytes = bytes;
            Width = width;
            Height = height;
        }

        public string ContentType { get; }
        public byte[] Bytes { get; }

        /// <summary>Pixels, 0 when the header did not say.</summary>
        public int Width { get; }
        public int Height { get; }

        public string DataUri => "data:" + ContentType + ";base64," + Convert.ToBase64String(Bytes);

        public static EmbeddedImage? From(byte[]? bytes)
        {
            if (bytes == null || bytes.Length < 12) return null;
            if (Starts(bytes, 0x89, 0x50, 0x4E, 0x47)) return new EmbeddedImage("image/png", bytes, BigEndian32(bytes, 16), BigEndian32(bytes, 20));
            if (Starts(bytes, 0xFF, 0xD8, 0xFF)) return Jpeg(bytes);
            if (Starts(bytes, (byte)'G', (byte)'I', (byte)'F', (byte)'8')) return new EmbeddedImage("image/gif", bytes, LittleEndian16(bytes, 6), LittleEndian16(bytes, 8));
            if (Starts(bytes, (byte)'B', (byte)'M') && bytes.Length >= 26) return new EmbeddedImage("image/bmp", bytes, LittleEndian32(bytes, 18), Math.Abs(LittleEndian32(bytes, 22)));
            if (Starts(bytes, (byte)'R', (byte)'I', (byte)'F', (byte)'F') && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') return WebP(bytes);
            return null;
        }

        private static EmbeddedImage Jpeg(byte[] bytes)
        {
            // Walk the segments to the first start-of-frame marker (C0–CF but C4, C8, CC), which holds the size.
            var i = 2;
            while (i + 9 < bytes.Length && bytes[i] == 0xFF)
            {
                var marker = bytes[i + 1];
                var length = (bytes[i + 2] << 8) | bytes[i + 3];
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                    return new EmbeddedImage("image/jpeg", bytes, (bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6]);
                i += 2 + length;
            }
            return new EmbeddedImage("image/jpeg", bytes, 0, 0);
        }

        private static EmbeddedImage WebP(byte[] bytes)
        {
            int width = 0, height = 0;
            if (bytes.Length >= 30 && Chunk(bytes, "VP8X")) { width = 1 + Little24(bytes, 24); height = 1 + Little24(bytes, 27); }
            else if (bytes.Length >= 30 && Chunk(bytes, "VP8 ")) { width = LittleEndian16(bytes, 26) & 0x3FFF; height = LittleEndian16(bytes, 28) & 0x3FFF; }
            else if (bytes.Length >= 25 && Chunk(bytes, "VP8L"))
            {
                var bits = (uint)LittleEndian32(bytes, 21);
                width = (int)(bits & 0x3FFF) + 1;
                height = (int)((bits >> 14) & 0x3FFF) + 1;
            }
            return new EmbeddedImage("image/webp", bytes, width, height);
        }

        private static bool Chunk(byte[] bytes, string name) =>
            bytes[12] == name[0] && bytes[13] == name[1] && bytes[14] == name[2] && bytes[15] == name[3];

        private static bool Starts(byte[] bytes, params byte[] prefix)
        {
            for (var i = 0; i < prefix.Length; i++) if (bytes[i] != prefix[i]) return false;
            return true;
        }

        private static int BigEndian32(byte[] b, int at) => b.Length < at + 4 ? 0 : (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        private static int LittleEndian16(byte[] b, int at) => b.Length < at + 2 ? 0 : b[at] | (b[at + 1] << 8);
        private static int LittleEndian32(byte[] b, int at) => b.Length < at + 4 ? 0 : b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        private static int Little24(byte[] b, int at) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
    }
}
