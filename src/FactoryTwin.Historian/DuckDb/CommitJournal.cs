using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>
/// The commit journal beside the DuckDB file: each appended batch is written as one checksummed record and flushed to
/// disk before the append returns, so it is durable (and may be acknowledged) without a DuckDB transaction of its own.
/// Batches gathered here are written to DuckDB together, and the journal is emptied once that transaction has committed.
/// At open, the records of a process that stopped before its DuckDB commit are read back; a record cut short by a crash
/// (its append never returned, so it was never acknowledged) ends the readable part.
/// </summary>
/// <remarks>
/// Layout: an 8-byte header <c>FTJRNL01</c>, then records of <c>[int32 length][uint32 CRC-32 of the payload][payload]</c>,
/// little-endian. A payload is one <see cref="TelemetryBatch"/>: the points (series, UTC ticks, value, seq), then the part
/// events. Replaying a record that DuckDB already holds is harmless: the historian stores each key once.
/// </remarks>
internal sealed class CommitJournal : IDisposable
{
    private const int RecordHeaderSize = 8;
    private const int MaxRecordSize = 256 * 1024 * 1024;
    private static readonly byte[] Header = "FTJRNL01"u8.ToArray();

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    private CommitJournal(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>Gets the journal's file path.</summary>
    public string Path { get; }

    /// <summary>Gets whether the journal holds no record.</summary>
    public bool IsEmpty => _stream.Length <= Header.Length;

    /// <summary>
    /// Opens (or creates) the journal and reads back the batches it holds. An unreadable tail — a record cut short or
    /// failing its checksum — is cut off; <paramref name="tornAt"/> says where, or is -1 when there was none.
    /// </summary>
    /// <param name="path">The journal file.</param>
    /// <param name="batches">The batches the journal holds, in the order they were appended.</param>
    /// <param name="tornAt">The offset of the unreadable tail that was cut off, or -1.</param>
    /// <returns>The journal, positioned to append.</returns>
    /// <exception cref="InvalidDataException">The file is not a commit journal.</exception>
    public static CommitJournal Open(string path, out List<TelemetryBatch> batches, out long tornAt)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        try
        {
            batches = [];
            tornAt = -1;
            if (stream.Length == 0)
            {
                stream.Write(Header);
                stream.Flush(flushToDisk: true);
                return new CommitJournal(path, stream);
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (bytes.Length < Header.Length || !bytes.AsSpan(0, Header.Length).SequenceEqual(Header))
            {
                throw new InvalidDataException($"{path} is not a FactoryTwin commit journal (its header is not FTJRNL01); move it away to start without it.");
            }

            var offset = Header.Length;
            while (offset < bytes.Length)
            {
                if (!TryReadRecord(bytes, offset, out var batch, out var next))
                {
                    tornAt = offset;
                    break;
                }

                batches.Add(batch);
                offset = next;
            }

            if (tornAt >= 0)
            {
                stream.SetLength(tornAt);
                stream.Flush(flushToDisk: true);
            }

            stream.Seek(0, SeekOrigin.End);
            return new CommitJournal(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends a batch as one record and flushes it to disk.</summary>
    /// <param name="batch">The batch.</param>
    public void Append(TelemetryBatch batch)
    {
        _buffer.ResetWrittenCount();
        Write(_buffer, batch);
        var payload = _buffer.WrittenSpan;
        if (payload.Length > MaxRecordSize)
        {
            throw new InvalidOperationException($"A batch of {payload.Length} bytes is too large for the commit journal; commit it directly.");
        }

        Span<byte> header = stackalloc byte[RecordHeaderSize];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
        var end = _stream.Position;
        try
        {
            _stream.Write(header);
            _stream.Write(payload);
            _stream.Flush(flushToDisk: true);
        }
        catch
        {
            // Leave no partial record behind a failed write: the next append would follow it and be unreadable.
            TryTruncate(end);
            throw;
        }
    }

    /// <summary>Empties the journal once its batches are committed to DuckDB.</summary>
    public void Clear()
    {
        _stream.SetLength(Header.Length);
        _stream.Seek(0, SeekOrigin.End);
        _stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void TryTruncate(long length)
    {
        try
        {
            _stream.SetLength(length);
            _stream.Seek(0, SeekOrigin.End);
        }
        catch (IOException)
        {
            // The disk refuses even that; the reader cuts the journal at the broken record.
        }
    }

    private static bool TryReadRecord(byte[] bytes, int offset, out TelemetryBatch batch, out int next)
    {
        batch = TelemetryBatch.Empty;
        next = offset;
        if (bytes.Length - offset < RecordHeaderSize)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
        if (length < 0 || length > bytes.Length - offset - RecordHeaderSize)
        {
            return false;
        }

        var payload = bytes.AsSpan(offset + RecordHeaderSize, length);
        if (Crc32.HashToUInt32(payload) != crc)
        {
            return false;
        }

        try
        {
            batch = Read(payload);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidDataException or DecoderFallbackException or EndOfStreamException)
        {
            return false;
        }

        next = offset + RecordHeaderSize + length;
        return true;
    }

    private static void Write(ArrayBufferWriter<byte> w, TelemetryBatch batch)
    {
        WriteInt32(w, batch.Points.Count);
        foreach (var p in batch.Points)
        {
            WriteString(w, p.Series.Value);
            WriteInt64(w, p.Timestamp.UtcTicks);
            WriteInt64(w, BitConverter.DoubleToInt64Bits(p.Value));
            WriteInt64(w, p.Seq);
        }

        WriteInt32(w, batch.Parts.Count);
        foreach (var e in batch.Parts)
        {
            WriteString(w, e.Asset.Value);
            WriteInt64(w, e.Timestamp.UtcTicks);
            WriteInt32(w, (int)e.Kind);
            WriteString(w, e.PartId);
            WriteString(w, e.Variant.Value);
            WriteString(w, e.Colour.Value);
            WriteInt64(w, e.Seq);
            WriteInt32(w, e.Cure is { } cure ? (int)cure : -1);
            WriteString(w, e.Route?.Value);
        }
    }

    private static TelemetryBatch Read(ReadOnlySpan<byte> payload)
    {
        var r = new SpanReader(payload);
        var pointCount = r.Count();
        var points = new List<SeriesPoint>(pointCount);
        for (var i = 0; i < pointCount; i++)
        {
            var series = r.String() ?? throw new InvalidDataException("a point without a series");
            var ticks = r.Int64();
            var value = BitConverter.Int64BitsToDouble(r.Int64());
            var seq = r.Int64();
            points.Add(new SeriesPoint(new SeriesId(series), new DateTimeOffset(ticks, TimeSpan.Zero), value, seq));
        }

        var partCount = r.Count();
        var parts = new List<PartEvent>(partCount);
        for (var i = 0; i < partCount; i++)
        {
            var asset = r.String() ?? throw new InvalidDataException("a part event without an asset");
            var ticks = r.Int64();
            var kind = (PartEventKind)r.Int32();
            var partId = r.String() ?? throw new InvalidDataException("a part event without a part id");
            var variant = r.String();
            var colour = r.String();
            var seq = r.Int64();
            var cure = r.Int32();
            var route = r.String();
            parts.Add(new PartEvent(
                new AssetId(asset),
                new DateTimeOffset(ticks, TimeSpan.Zero),
                kind,
                partId,
                new VariantId(variant!),
                new ColourId(colour!),
                seq,
                cure < 0 ? null : (PartCure)cure,
                route is null ? null : new AssetId(route)));
        }

        if (!r.AtEnd)
        {
            throw new InvalidDataException("trailing bytes after the batch");
        }

        return new TelemetryBatch(points, parts);
    }

    private static void WriteInt32(ArrayBufferWriter<byte> w, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(w.GetSpan(4), value);
        w.Advance(4);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> w, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(w.GetSpan(8), value);
        w.Advance(8);
    }

    /// <summary>A string as its UTF-8 byte count (-1 for null) and bytes.</summary>
    private static void WriteString(ArrayBufferWriter<byte> w, string? value)
    {
        if (value is null)
        {
            WriteInt32(w, -1);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        WriteInt32(w, count);
        Encoding.UTF8.GetBytes(value, w.GetSpan(count));
        w.Advance(count);
    }

    private ref struct SpanReader(ReadOnlySpan<byte> span)
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private readonly ReadOnlySpan<byte> _span = span;
        private int _at;

        public readonly bool AtEnd => _at == _span.Length;

        public int Int32()
        {
            var v = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
            return v;
        }

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public int Count()
        {
            var n = Int32();
            return n < 0 || n > _span.Length ? throw new InvalidDataException("a count out of range") : n;
        }

        public string? String()
        {
            var n = Int32();
            return n switch
            {
                -1 => null,
                < -1 => throw new InvalidDataException("a string length out of range"),
                _ => Strict.GetString(Take(n)),
            };
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _span.Length - _at)
            {
                throw new EndOfStreamException("the record ends inside a value");
            }

            var s = _span.Slice(_at, count);
            _at += count;
            return s;
        }
    }
}
