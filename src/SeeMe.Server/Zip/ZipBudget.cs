using SeeMe.Server.Domain;

namespace SeeMe.Server.Zip;

/// <summary>
/// The <see cref="ZipLimits"/> applied to one zip: its entries' declared sizes when it is opened,
/// then the bytes actually inflated while it is read (declared sizes can lie). Every refusal is a
/// 400 that names the entry and the limit.
/// </summary>
public sealed class ZipBudget(ZipLimits limits)
{
    private long _total;
    private long _text;

    /// <summary>400 when an entry's declared size or ratio, or all declared sizes together, pass the limits.</summary>
    public void CheckDeclared(IEnumerable<ZipItem> items)
    {
        long total = 0;
        foreach (var item in items)
        {
            var (size, compressed) = (item.Entry.Length, item.Entry.CompressedLength);
            if (size > limits.MaxEntryBytes) throw EntryTooLarge(item, size);
            if (size > ZipLimits.RatioFloorBytes && size / Math.Max(compressed, 1) > limits.MaxRatio)
                throw Refused($"The zip entry '{item.Path}' inflates {size / Math.Max(compressed, 1):N0} times its compressed size ({Size(compressed)} to {Size(size)}); " +
                              $"this server accepts at most {limits.MaxRatio} times for entries over {Size(ZipLimits.RatioFloorBytes)} (--max-zip-ratio), as a zip bomb looks like this.");
            total += size;
        }
        if (total > limits.MaxTotalBytes) throw TotalTooLarge(total);
    }

    /// <summary>A read-only stream of the entry's inflated bytes that refuses to go past a limit.</summary>
    public Stream Open(ZipItem item, bool isText)
    {
        if (isText && _text + item.Entry.Length > limits.MaxTextBytes) throw TextTooLarge(item);
        try { return new CountedStream(item.Entry.Open(), item, this, isText); }
        catch (InvalidDataException e) { throw Unreadable(item, e); }
    }

    private void Count(ZipItem item, long entryBytes, int read, bool isText)
    {
        _total += read;
        if (isText) _text += read;
        if (entryBytes > limits.MaxEntryBytes) throw EntryTooLarge(item, entryBytes);
        if (entryBytes > item.Entry.Length)
            throw Refused($"The zip entry '{item.Path}' inflates to more than the {Size(item.Entry.Length)} its header declares; the zip is damaged or forged.");
        if (_total > limits.MaxTotalBytes) throw TotalTooLarge(_total);
        if (isText && _text > limits.MaxTextBytes) throw TextTooLarge(item);
    }

    private DomainException EntryTooLarge(ZipItem item, long size) =>
        Refused($"The zip entry '{item.Path}' inflates to {Size(size)} or more; this server accepts at most {Size(limits.MaxEntryBytes)} per entry (--max-zip-entry-mb).");

    private DomainException TotalTooLarge(long size) =>
        Refused($"The zip's entries inflate to {Size(size)} or more together; this server accepts at most {Size(limits.MaxTotalBytes)} per import (--max-zip-total-mb). Split the dataset into several zips.");

    private DomainException TextTooLarge(ZipItem item) =>
        Refused($"The zip's text files (.txt, .csv, .names, config.json) pass {Size(limits.MaxTextBytes)} at '{item.Path}', the most text this server reads per import (--max-zip-text-mb).");

    private static DomainException Unreadable(ZipItem item, Exception e) =>
        DomainException.Invalid($"The zip entry '{item.Path}' cannot be read: {e.Message}");

    private static DomainException Refused(string problem) => DomainException.Invalid(problem + " Nothing was imported.");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MiB ({bytes:N0} bytes)"
        : $"{bytes:N0} bytes";

    private sealed class CountedStream(Stream inner, ZipItem item, ZipBudget budget, bool isText) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try { read = inner.Read(buffer); }
            catch (InvalidDataException e) { throw Unreadable(item, e); }
            _read += read;
            budget.Count(item, _read, read, isText);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
