using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>A read-only stream wrapper that reports the bytes read so far (throttled to whole percents / 1 MiB steps).</summary>
    internal sealed class ProgressStream : Stream
    {
        private const long ReportEvery = 1024 * 1024;
        private readonly Stream _inner;
        private readonly IProgress<TransferProgress>? _progress;
        private readonly string _fileName;
        private readonly long? _total;
        private long _read;
        private long _lastReported = -1;

        public ProgressStream(Stream inner, string fileName, long? total, IProgress<TransferProgress>? progress)
        {
            _inner = inner;
            _fileName = fileName;
            _total = total;
            _progress = progress;
        }

        public override int Read(byte[] buffer, int offset, int count) => Advance(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Advance(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Advance(int read)
        {
            _read += read;
            var finished = read == 0;
            if (_progress != null && (finished || _read - _lastReported >= ReportEvery || _lastReported < 0))
            {
                _lastReported = _read;
                _progress.Report(new TransferProgress(_fileName, _read, _total));
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => _inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set
            {
                _inner.Position = value;
                _read = value;
            }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _read = _inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
