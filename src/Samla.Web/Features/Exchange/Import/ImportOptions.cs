using System.ComponentModel.DataAnnotations;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// Limits on what an import takes (Samla:Import), so that a hostile or broken file gets a clear message instead of
/// exhausting memory, disk or time: file size, records, JSON nesting, and what a zip (data package or XLSX) unpacks to.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Samla:Import";

    /// <summary>Largest file, in MB (the upload itself is capped at <see cref="ExchangeSetup.MaxUploadBytes"/>).</summary>
    [Range(1, 256)]
    public int MaxFileMegabytes { get; set; } = 200;

    /// <summary>Most services (records, lines or rows) in one file.</summary>
    [Range(1, 10_000_000)]
    public int MaxRecords { get; set; } = 1_000_000;

    /// <summary>Deepest JSON nesting; an HSDS service is about 6 levels deep.</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>Most files inside a zip (data package or XLSX).</summary>
    [Range(1, 100_000)]
    public int MaxZipEntries { get; set; } = 1_000;

    /// <summary>Most MB a zip may unpack to, counted over all its files.</summary>
    [Range(1, 16_384)]
    public int MaxUnpackedMegabytes { get; set; } = 2_048;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024;

    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024;
}

/// <summary>A zip entry that unpacks to more than its header says or than the limit allows (a zip bomb).</summary>
public sealed class ZipLimitException(long limitBytes) : IOException($"The zip unpacks to more than {limitBytes / 1024 / 1024} MB.")
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>Reads a zip entry and throws <see cref="ZipLimitException"/> once more than the allowed bytes come out of it.</summary>
public sealed class LimitedReadStream(Stream inner, long limitBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        if (_read > limitBytes) throw new ZipLimitException(limitBytes);
        return n;
    }

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
