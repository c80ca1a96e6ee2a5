using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Injected stops of buffers and conveyors (a conveyor drive stopped for a while).</summary>
public sealed partial class LineSimulation
{
    private double[]? _stoppedUntil; // per element; allocated at the first stop

    /// <summary>
    /// Stops a buffer or conveyor from now for <paramref name="duration"/> seconds: it takes no part and releases none,
    /// and every part on it arrives at its end <paramref name="duration"/> later than it would have (a part already
    /// waiting at the end waits until the stop ends). A stop while stopped extends the stop to the later end.
    /// Not part of snapshots.
    /// </summary>
    /// <param name="store">The buffer or conveyor.</param>
    /// <param name="duration">The stop's length in seconds, greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The element is not a buffer or conveyor, or the duration is not positive and finite.</exception>
    public void StopStore(ElementId store, double duration)
    {
        var d = DefinitionOf(store);
        if (d.Kind is not (ElementKind.Buffer or ElementKind.Conveyor))
        {
            throw new ArgumentOutOfRangeException(nameof(store), store.Index, $"'{d.Name}' is not a buffer or conveyor; only those can be stopped.");
        }

        if (!(duration > 0) || !double.IsFinite(duration))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The stop must last a positive, finite number of seconds.");
        }

        int e = d.Index;
        _stoppedUntil ??= new double[_defs.Length];
        double until = _now + duration;
        bool stopped = IsStopped(e);
        double shift = stopped ? until - _stoppedUntil[e] : duration;
        if (shift <= 0)
        {
            return;
        }

        _stoppedUntil[e] = until;
        ref var st = ref _stores[e];
        for (int i = 0; i < st.Count; i++)
        {
            int j = st.Head + i;
            if (j >= st.Slots.Length)
            {
                j -= st.Slots.Length;
            }

            // The belt stands still: a part's remaining transit resumes when it restarts.
            ref double ready = ref st.Slots[j].Ready;
            ready = stopped ? ready + shift : Math.Max(ready, _now) + shift;
            _calendar.Schedule(ready, EventKind.TransitEnd, e);
        }

        _room[e] = 0;
        _calendar.Schedule(until, EventKind.StopEnd, e);
    }

    /// <summary>Whether store <paramref name="e"/> is stopped now.</summary>
    /// <remarks>A stop lasts until its <see cref="EventKind.StopEnd"/> has run (0 = not stopped).</remarks>
    private bool IsStopped(int e) => _stoppedUntil is { } until && until[e] > 0;

    private void OnStopEnd(int e)
    {
        if (_stoppedUntil![e] > _now)
        {
            return; // extended: a later StopEnd ends it
        }

        _stoppedUntil[e] = 0;
        _room[e] = _info[e].Capacity - _stores[e].Count;
        TryPushStore(e);
        Pull(e);
    }

    private void ClearStops()
    {
        if (_stoppedUntil is { } until)
        {
            Array.Clear(until);
        }
    }
}
