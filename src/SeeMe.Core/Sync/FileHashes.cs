using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace SeeMe.Core.Sync
{
    /// <summary>SHA-256 of files and texts, as lowercase hex.</summary>
    public static class FileHashes
    {
        public static string OfFile(string path)
        {
            using var sha = SHA256.Create();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            return Hex(sha.ComputeHash(stream));
        }

        public static string OfText(string text)
        {
            using var sha = SHA256.Create();
            return Hex(sha.ComputeHash(new UTF8Encoding(false).GetBytes(text)));
        }

        private static string Hex(byte[] hash) => BitConverter.ToString(hash).Replace("-", "").ToLowerInvariant();
    }
}
