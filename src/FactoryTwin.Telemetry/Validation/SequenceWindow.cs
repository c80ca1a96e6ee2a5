using System.Diagnostics;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// The recent sequence numbers of one publisher: a ring bitmap of the last <c>size</c> numbers below the highest seen,
/// so that redelivered and replayed messages are found even out of order, in O(1) and fixed memory. Numbers skipped
/// when the highest advances are counted as gaps; one of them that arrives after all is late. A number further behind than the window is a duplicate, unless its
/// timestamp is later than anything the publisher sent before: then the publisher restarted its counter and the window restarts.
/// </summary>
internal sealed class SequenceWindow
{
    private readonly ulong[] _bits;
    private readonly int _size;
    private long _highest = -1;
    private long _floor;
    private DateTimeOffset _latest;

    public SequenceWindow(int size)
    {
        Debug.Assert(size >= 64 && size % 64 == 0, "the window is a whole number of 64-bit words");
        _size = size;
        _bits = new ulong[size / 64];
    }

    /// <summary>Checks and remembers a sequence number.</summary>
    /// <param name="seq">The sequence number.</param>
    /// <param name="timestamp">The message timestamp.</param>
    /// <param name="gaps">The numbers skipped by this one (0 unless it jumps ahead).</param>
    /// <param name="restarted">Whether the publisher restarted its counter.</param>
    /// <returns>Whether the number is new, new but counted as a gap before (late), or a duplicate.</returns>
    public SequenceVerdict Check(long seq, DateTimeOffset timestamp, out long gaps, out bool restarted)
    {
        gaps = 0;
        restarted = false;
        if (_highest < 0)
        {
            Reset(seq, timestamp);
            return SequenceVerdict.New;
        }

        if (seq > _highest)
        {
            var jump = seq - _highest;
            gaps = jump - 1;
            if (jump >= _size)
            {
                Array.Clear(_bits);
            }
            else
            {
                for (var s = _highest + 1; s < seq; s++)
                {
                    Clear(s);
                }
            }

            _highest = seq;
            Set(seq);
            _latest = timestamp > _latest ? timestamp : _latest;
            return SequenceVerdict.New;
        }

        if (_highest - seq < _size)
        {
            if (IsSet(seq))
            {
                return SequenceVerdict.Duplicate;
            }

            Set(seq);
            _latest = timestamp > _latest ? timestamp : _latest;
            // Above the first number since the start, every number below the highest was skipped by a jump: a gap.
            return seq > _floor ? SequenceVerdict.Late : SequenceVerdict.New;
        }

        if (timestamp > _latest)
        {
            restarted = true;
            Reset(seq, timestamp);
            return SequenceVerdict.New;
        }

        return SequenceVerdict.Duplicate;
    }

    private void Reset(long seq, DateTimeOffset timestamp)
    {
        Array.Clear(_bits);
        _highest = seq;
        _floor = seq;
        _latest = timestamp;
        Set(seq);
    }

    private int Slot(long seq) => (int)(seq % _size);

    private void Set(long seq) => _bits[Slot(seq) >> 6] |= 1UL << (Slot(seq) & 63);

    private void Clear(long seq) => _bits[Slot(seq) >> 6] &= ~(1UL << (Slot(seq) & 63));

    private bool IsSet(long seq) => (_bits[Slot(seq) >> 6] & (1UL << (Slot(seq) & 63))) != 0;
}
