using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// A read-only stream wrapper for a transfer: it reports the bytes read so far (throttled to 1 MiB
    /// steps), tells the attempt's <see cref="InactivityTimer"/> that bytes moved, and turns a read that
    /// breaks off into <see cref="TransferBrokenException"/> (so the connection knows to retry).
    /// </summary>
    internal sealed class ProgressStream : Stream
    {
        private const long ReportEvery = 1024 * 1024;
        private readonly Stream _inner;
        private readonly IProgress<TransferProgress>? _progress;
        private readonly InactivityTimer? _timer;
        private readonly string _fileName;
        private readonly long? _total;
        private long _read;
        private long _lastReported = -1;

        /// <summary><paramref name="alreadyDone"/>: bytes transferred before this stream (a resumed download).</summary>
        public ProgressStream(Stream inner, string fileName, long? total, IProgress<TransferProgress>? progress,
            InactivityTimer? timer = null, long alreadyDone = 0)
        {
            _inner = inner;
            _fileName = fileName;
            _total = total;
            _progress = progress;
            _timer = timer;
            _read = alreadyDone;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Advance(_inner.Read(buffer, offset, count));
            }
            catch (Exception e) when (_timer != null && IsBreak(e))
            {
                throw new TransferBrokenException(e);
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_timer == null) return Advance(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
            // The callers' tokens already derive from the attempt's (HttpClient's, CopyToAsync's); a reader that passes none gets it.
            var token = cancellationToken.CanBeCanceled ? cancellationToken : _timer.Token;
            try
            {
                return Advance(await _inner.ReadAsync(buffer, offset, count, token).ConfigureAwait(false));
            }
            catch (Exception e) when (IsBreak(e) && !token.IsCancellationRequested)
            {
                throw new TransferBrokenException(e);
            }
        }

        private static bool IsBreak(Exception e) => e is IOException || e is ObjectDisposedException || e is OperationCanceledException ||
                                                     e is System.Net.Http.HttpRequestException;

        private int Advance(int read)
        {
            _timer?.Touch();
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
