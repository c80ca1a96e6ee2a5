using System.Diagnostics;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Publishers;

/// <summary>
/// One publisher's sequence numbers as several nodes report them, each node in its own order and late by its own
/// delay. A number is not a gap when a higher one arrives (another node may still hold it) but when it is settled: once
/// the highest number seen at least <c>settleAfter</c> ago is at or above it, or when the window of <c>size</c> numbers
/// must move past it. Numbers below the first one received are expected only back to the lowest received in the
/// window's first settle time, so a window that starts in the middle of a publisher's stream (a new grain after a
/// failover) counts no gaps before it, and a straggler that arrives later below it is a redelivery. A number below the
/// settled point that was counted as a gap arrives late (a node that was down comes back with what its broker held for
/// it): it is counted as late, so that gaps minus late is what never arrived. Any other number below the settled point
/// is a redelivery, unless its timestamp is later than any before: then the publisher restarted its counter.
/// </summary>
internal sealed class SharedSequenceWindow
{
    private readonly ulong[] _bits;
    private readonly int _size;
    private readonly TimeSpan _settleAfter;
    private readonly Queue<(TimeSpan At, long Highest)> _marks = new();
    private long _highest = -1;
    private long _floor;
    private long _settled;
    private bool _floorOpen;
    private DateTimeOffset _latest;

    /// <summary>Creates a window.</summary>
    /// <param name="size">The numbers held undecided at most, a positive multiple of 64.</param>
    /// <param name="settleAfter">How long after a number is the highest, the numbers below it are decided.</param>
    public SharedSequenceWindow(int size, TimeSpan settleAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
        if (size % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The window is a whole number of 64-bit words.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settleAfter, TimeSpan.Zero);
        _size = size;
        _settleAfter = settleAfter;
        _bits = new ulong[size / 64];
    }

    /// <summary>Records numbers and settles what is due.</summary>
    /// <param name="sequences">The numbers, in the order one node accepted them.</param>
    /// <param name="timestamps">Their messages' timestamps.</param>
    /// <param name="now">The time now, on a clock that only moves forward.</param>
    /// <returns>What was decided.</returns>
    public PublisherSequenceTally Observe(ReadOnlySpan<long> sequences, ReadOnlySpan<DateTimeOffset> timestamps, TimeSpan now)
    {
        if (sequences.Length != timestamps.Length)
        {
            throw new ArgumentException($"{sequences.Length} sequence numbers but {timestamps.Length} timestamps.", nameof(timestamps));
        }

        long gaps = 0;
        long redelivered = 0;
        long late = 0;
        var restarts = 0;
        for (var i = 0; i < sequences.Length; i++)
        {
            var seq = sequences[i];
            var timestamp = timestamps[i];
            if (_highest < 0)
            {
                Start(seq, timestamp);
            }
            else if (seq > _highest)
            {
                // The window holds (settled, highest]; before it moves up to seq, what would fall out is decided.
                if (seq - _size > _settled)
                {
                    gaps += SettleThrough(seq - _size);
                }

                for (var s = Math.Max(_highest + 1, _settled + 1); s < seq; s++)
                {
                    Clear(s);
                }

                _highest = seq;
                Set(seq);
                Later(timestamp);
            }
            else if (seq > _settled && (seq >= _floor || _floorOpen))
            {
                if (seq < _floor)
                {
                    // Another node's earlier number: the stream began before the first one this window saw.
                    for (var s = seq + 1; s < _floor; s++)
                    {
                        Clear(s);
                    }

                    _floor = seq;
                    Set(seq);
                    Later(timestamp);
                }
                else if (IsSet(seq))
                {
                    redelivered++;
                }
                else
                {
                    Set(seq);
                    Later(timestamp);
                }
            }
            else if (seq >= _floor && seq > _highest - _size && timestamp <= _latest && !IsSet(seq))
            {
                // Settled and counted as a gap, and here it is after all: a node held it (its broker queued it while
                // the node was down, or the node's report came later than the settle time).
                late++;
                Set(seq);
            }
            else if (timestamp > _latest)
            {
                // Far below and newer than anything before: the publisher counts from the start again.
                gaps += SettleThrough(_highest);
                restarts++;
                _marks.Clear();
                Start(seq, timestamp);
            }
            else
            {
                redelivered++;
            }
        }

        if (_highest >= 0 && (_marks.Count == 0 || _marks.Peek().Highest != _highest))
        {
            _marks.Enqueue((now, _highest));
        }

        while (_marks.Count > 0 && now - _marks.Peek().At >= _settleAfter)
        {
            gaps += SettleThrough(_marks.Dequeue().Highest);
            // Only the nodes' first reports may reach below the first number; later, such a number is a straggler
            // (a node that comes back with what it held when it died), whose neighbours went to a window that is gone.
            _floorOpen = false;
        }

        return new PublisherSequenceTally(gaps, redelivered, restarts, late);
    }

    private void Start(long seq, DateTimeOffset timestamp)
    {
        Array.Clear(_bits);
        _highest = seq;
        _floor = seq;
        // Numbers up to size below the first may still come from other nodes; they are not expected until one does.
        _settled = seq - _size;
        _floorOpen = true;
        _latest = timestamp;
        Set(seq);
    }

    private void Later(DateTimeOffset timestamp)
    {
        if (timestamp > _latest)
        {
            _latest = timestamp;
        }
    }

    /// <summary>Decides every number up to <paramref name="through"/>: an expected number not received is a gap.</summary>
    private long SettleThrough(long through)
    {
        long gaps = 0;
        var first = Math.Max(_settled + 1, _floor);
        var held = Math.Min(through, _highest);
        for (var s = first; s <= held; s++)
        {
            if (!IsSet(s))
            {
                gaps++;
            }
        }

        // Numbers above the highest were skipped as the window jumped by more than its size: none was received.
        if (through > _highest)
        {
            gaps += through - Math.Max(_highest, first - 1);
        }

        _settled = Math.Max(_settled, through);
        Debug.Assert(_highest - _settled <= _size, "the window holds at most size undecided numbers");
        return gaps;
    }

    private int Slot(long seq) => (int)(((seq % _size) + _size) % _size);

    private void Set(long seq) => _bits[Slot(seq) >> 6] |= 1UL << (Slot(seq) & 63);

    private void Clear(long seq) => _bits[Slot(seq) >> 6] &= ~(1UL << (Slot(seq) & 63));

    private bool IsSet(long seq) => (_bits[Slot(seq) >> 6] & (1UL << (Slot(seq) & 63))) != 0;
}
