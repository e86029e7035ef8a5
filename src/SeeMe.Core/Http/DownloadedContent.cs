namespace SeeMe.Core.Http
{
    /// <summary>A file downloaded into memory: its bytes and the content type the server gave them (may be "").</summary>
    public sealed class DownloadedContent
    {
        public DownloadedContent(byte[] bytes, string contentType)
        {
            Bytes = bytes;
            ContentType = contentType;
        }

        public byte[] Bytes { get; }
        public string ContentType { get; }
    }
}
