using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// The future event list: a binary min-heap of 16-byte <see cref="SimEvent"/> structs in one array, ordered
/// by (time, kind, insertion order). Scheduling and popping allocate nothing once the array has grown to the
/// model's steady-state size.
/// </summary>
/// <remarks>
/// Most events schedule one new event (the next processing end of the machine that just finished), so
/// <see cref="Pop"/> leaves the root slot vacant instead of refilling it at once: a <see cref="Schedule"/>
/// that follows puts the new event at the root and sifts it down, one pass instead of a sift-down of the
/// last element plus a sift-up of the new one. Any other access refills the root first. The pop order is
/// the same as with an eager heap, because (time, key) is a strict total order.
/// </remarks>
internal sealed class EventCalendar
{
    private const ulong SequenceLimit = 1UL << SimEvent.SequenceBits;

    private SimEvent[] _heap = new SimEvent[64];
    private int _count; // heap slots in use, a vacant root included
    private bool _rootVacant;
    private ulong _sequence;

    /// <summary>Gets the number of pending events.</summary>
    public int Count => _rootVacant ? _count - 1 : _count;

    /// <summary>Removes every pending event and restarts the insertion counter.</summary>
    public void Clear()
    {
        _count = 0;
        _rootVacant = false;
        _sequence = 0;
    }

    /// <summary>Schedules an event.</summary>
    /// <param name="time">When it happens.</param>
    /// <param name="kind">What happens (also its priority among events at the same time).</param>
    /// <param name="target">The element, machine or calendar it is for, 0 to <see cref="SimEvent.MaxTarget"/>.</param>
    /// <returns>The event's key, its identity (see <see cref="SimEvent.Key"/>).</returns>
    public ulong Schedule(double time, EventKind kind, int target)
    {
        Debug.Assert(!double.IsNaN(time), "event time must be a number");
        Debug.Assert((uint)target <= SimEvent.MaxTarget, "target out of range");
        if (_sequence == SequenceLimit)
        {
            ThrowSequenceExhausted();
        }

        var ev = new SimEvent
        {
            Time = time,
            Key = ((ulong)kind << (SimEvent.TargetBits + SimEvent.SequenceBits)) | (_sequence++ << SimEvent.TargetBits) | (uint)target,
        };
        if (_rootVacant)
        {
            _rootVacant = false;
            SiftDown(ev, _count);
            return ev.Key;
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_count++, ev);
        return ev.Key;
    }

    /// <summary>Removes the earliest event if it is due before <paramref name="time"/>.</summary>
    /// <param name="time">The exclusive limit.</param>
    /// <param name="ev">The event removed, or default.</param>
    /// <returns>Whether an event was removed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPopBefore(double time, out SimEvent ev)
    {
        if (_rootVacant)
        {
            FillRoot();
        }

        if (_count > 0 && _heap[0].Time < time)
        {
            _rootVacant = true;
            ev = _heap[0];
            return true;
        }

        ev = default;
        return false;
    }

    /// <summary>Removes and returns the earliest event.</summary>
    public SimEvent Pop()
    {
        if (_rootVacant)
        {
            FillRoot();
        }

        Debug.Assert(_count > 0, "pop from an empty calendar");
        _rootVacant = true;
        return _heap[0];
    }

    private static void ThrowSequenceExhausted() =>
        throw new InvalidOperationException("More than 2^42 events were scheduled since the last reset; reset the simulation (replications) instead of running one replication that long.");

    /// <summary>Moves the last event into the vacant root and restores the heap order.</summary>
    private void FillRoot()
    {
        _rootVacant = false;
        int last = --_count;
        if (last > 0)
        {
            SiftDown(_heap[last], last);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int hole, SimEvent ev)
    {
        var heap = _heap;
        while (hole > 0)
        {
            int parent = (hole - 1) >> 1;
            if (!SimEvent.Before(ev, heap[parent]))
            {
                break;
            }

            heap[hole] = heap[parent];
            hole = parent;
        }

        heap[hole] = ev;
    }

    private void SiftDown(SimEvent ev, int count)
    {
        var heap = _heap;
        int hole = 0;
        while (true)
        {
            int child = (2 * hole) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && SimEvent.Before(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!SimEvent.Before(heap[child], ev))
            {
                break;
            }

            heap[hole] = heap[child];
            hole = child;
        }

        heap[hole] = ev;
    }
}
