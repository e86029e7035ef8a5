using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// A download's temporary file across attempts: after a break it asks for the rest
    /// (<c>Range</c>, guarded by <c>If-Range</c>) when the server said it serves ranges, appends a
    /// 206 answer, and starts over on a full 200.
    /// </summary>
    internal sealed class PartialDownload
    {
        private const int BufferSize = 81920;
        private readonly string _fileName;
        private readonly IProgress<TransferProgress>? _progress;
        private EntityTagHeaderValue? _etag;
        private DateTimeOffset? _lastModified;
        private bool _serverOffersRanges;

        public PartialDownload(string path, string fileName, IProgress<TransferProgress>? progress)
        {
            Path = path;
            _fileName = fileName;
            _progress = progress;
        }

        public string Path { get; }

        private long BytesOnDisk => File.Exists(Path) ? new FileInfo(Path).Length : 0;

        /// <summary>Before an attempt: ask only for the missing bytes, if the server can send them.</summary>
        public void AskForRest(HttpRequestMessage request)
        {
            var have = BytesOnDisk;
            if (have == 0 || !_serverOffersRanges) return;
            request.Headers.Range = new RangeHeaderValue(have, null);
            if (_etag != null) request.Headers.IfRange = new RangeConditionHeaderValue(_etag);
            else if (_lastModified is DateTimeOffset date) request.Headers.IfRange = new RangeConditionHeaderValue(date);
        }

        public async Task<bool> WriteAsync(HttpResponseMessage response, InactivityTimer timer)
        {
            var resumeAt = ResumeOffset(response);
            _serverOffersRanges = response.Headers.AcceptRanges.Contains("bytes") || resumeAt > 0;
            _etag = response.Headers.ETag ?? _etag;
            _lastModified = response.Content.Headers.LastModified ?? _lastModified;
            var total = response.Content.Headers.ContentLength is long length ? resumeAt + length : (long?)null;

            using var body = new ProgressStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), _fileName, total, _progress, timer, resumeAt);
            using var output = new FileStream(Path, resumeAt > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await body.CopyToAsync(output, BufferSize, timer.Token).ConfigureAwait(false);
            if (total is long expected && output.Length != expected)
                throw new TransferBrokenException(new IOException($"The download ended after {output.Length} of {expected} bytes."));
            return true;
        }

        /// <summary>Where a 206 answer continues the file on disk, or 0 (write from the start).</summary>
        private long ResumeOffset(HttpResponseMessage response)
        {
            if (response.StatusCode != HttpStatusCode.PartialContent) return 0;
            var from = response.Content.Headers.ContentRange?.From;
            if (from != BytesOnDisk) throw new TransferBrokenException(new IOException("The server resumed the download at the wrong offset."));
            return from ?? 0;
        }
    }
}
