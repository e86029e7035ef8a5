namespace SeeMe.Core.Http
{
    /// <summary>How far an upload or download is: reported as bytes move.</summary>
    public sealed class TransferProgress
    {
        public TransferProgress(string fileName, long bytesTransferred, long? totalBytes)
        {
            FileName = fileName;
            BytesTransferred = bytesTransferred;
            TotalBytes = totalBytes;
        }

        public string FileName { get; }
        public long BytesTransferred { get; }

        /// <summary>The full size when known (a download without Content-Length has none).</summary>
        public long? TotalBytes { get; }

        /// <summary>0..100, or -1 when the size is unknown.</summary>
        public int Percent => TotalBytes is long total && total > 0 ? (int)(BytesTransferred * 100 / total) : -1;
    }
}
