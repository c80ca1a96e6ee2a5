using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Statistics: accumulated on state changes only (no per-event sampling), reset at warm-up.</summary>
public sealed partial class LineSimulation
{
    private const int MaxHistogramLevels = 256;

    /// <summary>Bit set of the active statuses (Roser et al.): working, setting up, down.</summary>
    private const int ActiveStatuses = (1 << (int)MachineStatus.Working) | (1 << (int)MachineStatus.SettingUp) | (1 << (int)MachineStatus.Down);

    private double[] _statusTime = [];
    private long[] _processed = [];
    private long[] _scrapped = [];
    private long[] _reworked = [];
    private double[] _idealTime = [];
    private int[] _activeCount = [];
    private double[] _activeSince = [];
    private double[] _activeEnd = []; // end of a period that may still continue at the same instant; NaN if none
    private int[] _periodOwner = new int[256]; // active periods in start order (bottleneck tracking)
    private double[] _periodStart = new double[256];
    private double[] _periodEnd = new double[256]; // NaN while the period is open
    private int _periodCount;
    private int[] _boundaries = new int[512]; // the periods' starts (2p) and ends (2p + 1) in time order
    private int _boundaryCount;
    private int[] _openPeriod = []; // per element: its period not yet ended, or -1
    private int[] _pendingEnds = []; // elements whose period ended at _activeEnd, which a restart at that instant would undo
    private int _pendingCount;
    private int[] _bottleneckInts = [];
    private double[] _sole = [];
    private double[] _shifting = [];
    private double[] _levelTime = [];
    private double[] _leadTimes = new double[1024];
    private int _leadTimeCount;
    private double[] _leadTimeScratch = [];
    private double _leadTimeSum;
    private double[] _wipSeries = [];
    private int _wipSeriesCount;
    private double _nextWipSample;
    private long _wip;
    private double _wipIntegral;
    private double _wipSince;
    private double _windowStart;
    private long _exitedWindow;
    private long _exitedTotal;
    private long _enteredTotal;
    private long _scrappedTotal;
    private long _initialWip;

    /// <summary>Returns the statistics so far (the window ends at <see cref="Now"/>); the run may continue afterwards.</summary>
    /// <returns>The replication's statistics.</returns>
    public ReplicationResult GetResult()
    {
        // Allocates only what the result keeps; the bottleneck and lead-time work uses reused scratch arrays.
        double window = _now - _windowStart;
        int n = _defs.Length;
        if (_sole.Length < n)
        {
            _sole = new double[n];
            _shifting = new double[n];
        }

        var sole = _sole.AsSpan(0, n);
        var shifting = _shifting.AsSpan(0, n);
        if (_options.TrackBottlenecks)
        {
            ComputeBottlenecks(window, sole, shifting);
        }
        else
        {
            sole.Clear();
            shifting.Clear();
        }

        var stations = new StationStatistics[_model.StationIndices.Length];
        int station = 0;
        Span<double> totals = stackalloc double[StatusCount];
        foreach (int e in _model.StationIndices)
        {
            var d = _defs[e];
            totals.Clear();
            for (int k = 0; k < d.MachineCount; k++)
            {
                int m = d.FirstMachine + k;
                for (int s = 0; s < StatusCount; s++)
                {
                    totals[s] += _statusTime[(m * StatusCount) + s];
                }

                totals[(int)_machines[m].Status] += _now - _machines[m].StatusSince;
            }

            double machineTime = window * d.MachineCount;
            double planned = machineTime - totals[(int)MachineStatus.OffShift];
            double run = planned - totals[(int)MachineStatus.Down] - totals[(int)MachineStatus.SettingUp];
            long processed = _processed[e];
            stations[station++] = new StationStatistics(
                d.Name,
                d.MachineCount,
                Fraction(totals[(int)MachineStatus.Working], machineTime),
                Fraction(totals[(int)MachineStatus.SettingUp], machineTime),
                Fraction(totals[(int)MachineStatus.Blocked], machineTime),
                Fraction(totals[(int)MachineStatus.Starved], machineTime),
                Fraction(totals[(int)MachineStatus.Down], machineTime),
                Fraction(totals[(int)MachineStatus.OffShift], machineTime),
                processed,
                _scrapped[e],
                _reworked[e],
                planned > 0 ? Math.Max(run, 0) / planned : 0,
                run > 0 ? _idealTime[e] / run : 0,
                processed > 0 ? (double)(processed - _scrapped[e] - _reworked[e]) / processed : 0,
                sole[e],
                shifting[e]);
        }

        var buffers = new BufferStatistics[_model.StoreIndices.Length];
        int buffer = 0;
        foreach (int e in _model.StoreIndices)
        {
            ref var st = ref _stores[e];
            int bins = st.TopBin + 1;
            var fractions = new double[bins];
            double mean = 0;
            int level = st.Count;
            for (int k = 0; k < bins; k++)
            {
                double t = _levelTime[st.LevelOffset + k] + (Math.Min(level, st.TopBin) == k ? _now - st.LevelSince : 0);
                fractions[k] = window > 0 ? t / window : 0;
                mean += k * fractions[k];
            }

            buffers[buffer++] = new BufferStatistics(
                _defs[e].Name, _defs[e].Capacity, mean, ImmutableCollectionsMarshal.AsImmutableArray(fractions), level);
        }

        FillWipSeries();
        double wipIntegral = _wipIntegral + (_wip * (_now - _wipSince));
        return new ReplicationResult(
            _replication,
            _windowStart,
            _now,
            _exitedWindow,
            window > 0 ? _exitedWindow * 3600.0 / window : 0,
            ComputeLeadTimes(),
            window > 0 ? wipIntegral / window : 0,
            [.. _wipSeries.AsSpan(0, _wipSeriesCount)],
            _options.WipSampleInterval,
            ImmutableCollectionsMarshal.AsImmutableArray(stations),
            ImmutableCollectionsMarshal.AsImmutableArray(buffers),
            _initialWip,
            _enteredTotal,
            _exitedTotal,
            _scrappedTotal,
            _wip,
            _events);

        static double Fraction(double time, double machineTime) => machineTime > 0 ? time / machineTime : 0;
    }

    private void InitializeStatistics()
    {
        int n = _defs.Length;
        _statusTime = new double[_machines.Length * StatusCount];
        _processed = new long[n];
        _scrapped = new long[n];
        _reworked = new long[n];
        _idealTime = new double[n];
        _activeCount = new int[n];
        _activeSince = new double[n];
        _activeEnd = new double[n];
        _openPeriod = new int[n];
        _pendingEnds = new int[n];
        int total = 0;
        foreach (int e in _model.StoreIndices)
        {
            // Levels 0 … min(capacity, 255), the last bin also counting any level above it.
            _stores[e].LevelOffset = total;
            _stores[e].TopBin = Math.Min(_defs[e].Capacity, MaxHistogramLevels - 1);
            total += _stores[e].TopBin + 1;
        }

        _levelTime = new double[total];
        if (_options.WipSampleInterval > 0)
        {
            double span = Math.Max(_options.EndTime - Math.Min(_options.WarmUpTime, _options.EndTime), 0);
            _wipSeries = new double[(int)Math.Min(Math.Ceiling(span / _options.WipSampleInterval) + 2, 1 << 24)];
        }
    }

    /// <summary>Starts a new statistics window at <see cref="Now"/> (run start, or warm-up end).</summary>
    private void ResetStatistics(bool fullReset)
    {
        _windowStart = _now;
        Array.Clear(_statusTime);
        Array.Clear(_processed);
        Array.Clear(_scrapped);
        Array.Clear(_reworked);
        Array.Clear(_idealTime);
        Array.Clear(_levelTime);
        for (int m = 0; m < _machines.Length; m++)
        {
            _machines[m].StatusSince = _now;
        }

        if (fullReset)
        {
            Array.Clear(_activeCount);
            for (int m = 0; m < _machines.Length; m++)
            {
                if (IsActive(_machines[m].Status))
                {
                    _activeCount[_machines[m].Station]++;
                }
            }

            _initialWip = _wip;
            _enteredTotal = 0;
            _exitedTotal = 0;
            _scrappedTotal = 0;
        }

        for (int e = 0; e < _activeSince.Length; e++)
        {
            _activeSince[e] = _now;
            _activeEnd[e] = double.NaN;
        }

        // The window's periods: those of the stations active now start now.
        _periodCount = 0;
        _boundaryCount = 0;
        _pendingCount = 0;
        Array.Fill(_openPeriod, -1);
        if (_trackBottlenecks)
        {
            foreach (int e in _model.StationIndices)
            {
                if (_activeCount[e] > 0)
                {
                    StartPeriod(e);
                }
            }
        }

        foreach (int e in _model.StoreIndices)
        {
            _stores[e].LevelSince = _now;
        }

        _leadTimeCount = 0;
        _leadTimeSum = 0;
        _exitedWindow = 0;
        _wipIntegral = 0;
        _wipSince = _now;
        _wipSeriesCount = 0;
        _nextWipSample = _now;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsActive(MachineStatus s) => ((ActiveStatuses >> (int)s) & 1) != 0;

    /// <summary>Brings machine <paramref name="m"/>'s status up to date with its state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UpdateStatus(int m) => SetStatus(m, ComputeStatus(m));

    /// <summary>Records that machine <paramref name="m"/> is now in <paramref name="status"/> (which must be what <see cref="ComputeStatus"/> gives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetStatus(int m, MachineStatus status)
    {
        Debug.Assert(status == ComputeStatus(m), "the status follows from the machine's state");
        ref var mm = ref _machines[m];
        var old = mm.Status;
        if (status == old)
        {
            return;
        }

        double now = _now;
        _statusTime[(m * StatusCount) + (int)old] += now - mm.StatusSince;
        mm.Status = status;
        mm.StatusSince = now;
        mm.EnteredStatusAt = now;
        _observer?.OnMachineStatusChanged(now, mm.Station, m - _info[mm.Station].FirstMachine, status);
        if (IsActive(old) != IsActive(status))
        {
            ActivityChanged(mm.Station, IsActive(status));
        }
    }

    /// <summary>A machine of station <paramref name="e"/> became active (working, setting up, down) or inactive: the active-period bookkeeping.</summary>
    private void ActivityChanged(int e, bool active)
    {
        if (active)
        {
            if (_activeCount[e]++ == 0)
            {
                if (_activeEnd[e] == _now)
                {
                    // An inactive gap of zero length (finish, hand over, start the next part at one instant)
                    // does not split an active period.
                    if (_trackBottlenecks)
                    {
                        CancelPendingEnd(e);
                    }
                }
                else
                {
                    if (_trackBottlenecks)
                    {
                        StartPeriod(e);
                    }

                    _activeSince[e] = _now;
                }
            }

            _activeEnd[e] = double.NaN;
        }
        else if (--_activeCount[e] == 0)
        {
            _activeEnd[e] = _now;
            if (_trackBottlenecks)
            {
                _pendingEnds[_pendingCount++] = e;
            }
        }
    }

    private void GrowPeriods(int size)
    {
        Array.Resize(ref _periodOwner, size);
        Array.Resize(ref _periodStart, size);
        Array.Resize(ref _periodEnd, size);
    }

    private void ComputeBottlenecks(double window, Span<double> sole, Span<double> shifting)
    {
        // The boundaries so far, without periods of no length, then the ends of the periods still open, all at now
        // (an end before now is final and recorded; one at now could still be undone by a restart at now). Open
        // periods get their end for this computation only, so the run may continue.
        EndPendingBefore(_now);
        var stations = _model.StationIndices;
        foreach (int e in stations)
        {
            if (_openPeriod[e] >= 0)
            {
                _periodEnd[_openPeriod[e]] = _now;
            }
        }

        int length = _boundaryCount + stations.Length;
        if (_bottleneckInts.Length < length + _defs.Length)
        {
            _bottleneckInts = new int[Math.Max(length + _defs.Length, _bottleneckInts.Length * 2)];
        }

        var ordered = _bottleneckInts.AsSpan(0, length);
        int count = 0;
        foreach (int b in _boundaries.AsSpan(0, _boundaryCount))
        {
            int p = b >> 1;
            if (_periodEnd[p] > _periodStart[p])
            {
                ordered[count++] = b;
            }
        }

        foreach (int e in stations)
        {
            int p = _openPeriod[e];
            if (p >= 0 && _periodEnd[p] > _periodStart[p])
            {
                ordered[count++] = (p << 1) | 1;
            }
        }

        ActivePeriodBottleneck.ComputeOrdered(
            _periodOwner.AsSpan(0, _periodCount),
            _periodStart.AsSpan(0, _periodCount),
            _periodEnd.AsSpan(0, _periodCount),
            ordered[..count],
            stations.AsSpan(),
            _bottleneckInts.AsSpan(length, _defs.Length),
            window,
            sole,
            shifting);
        foreach (int e in stations)
        {
            if (_openPeriod[e] >= 0)
            {
                _periodEnd[_openPeriod[e]] = double.NaN;
            }
        }
    }

    /// <summary>Opens an active period of station <paramref name="e"/> at now, after recording the ends before now.</summary>
    private void StartPeriod(int e)
    {
        EndPendingBefore(_now);
        if (_periodCount == _periodOwner.Length)
        {
            GrowPeriods(_periodOwner.Length * 2);
        }

        int p = _periodCount++;
        _periodOwner[p] = e;
        _periodStart[p] = _now;
        _periodEnd[p] = double.NaN;
        _openPeriod[e] = p;
        AddBoundary(p << 1);
    }

    /// <summary>Records, in time order, the ends of periods that ended before <paramref name="time"/> (none of them can be undone any more).</summary>
    private void EndPendingBefore(double time)
    {
        if (_pendingCount == 0)
        {
            return;
        }

        if (_pendingCount == 1)
        {
            // The usual case: one station's period ended since the last start anywhere.
            int only = _pendingEnds[0];
            if (_activeEnd[only] < time)
            {
                EndPeriod(only);
                _pendingCount = 0;
            }

            return;
        }

        // Few pending ends (at most one per station): an insertion sort by end time, then record the ones before time.
        var pending = _pendingEnds.AsSpan(0, _pendingCount);
        for (int i = 1; i < pending.Length; i++)
        {
            int x = pending[i];
            int j = i - 1;
            while (j >= 0 && _activeEnd[pending[j]] > _activeEnd[x])
            {
                pending[j + 1] = pending[j];
                j--;
            }

            pending[j + 1] = x;
        }

        int ended = 0;
        while (ended < pending.Length && _activeEnd[pending[ended]] < time)
        {
            EndPeriod(pending[ended++]);
        }

        pending[ended..].CopyTo(_pendingEnds);
        _pendingCount -= ended;
    }

    /// <summary>Records the end of station <paramref name="e"/>'s open period at its pending end.</summary>
    private void EndPeriod(int e)
    {
        int p = _openPeriod[e];
        _periodEnd[p] = _activeEnd[e];
        _openPeriod[e] = -1;
        AddBoundary((p << 1) | 1);
    }

    private void AddBoundary(int boundary)
    {
        if (_boundaryCount == _boundaries.Length)
        {
            Array.Resize(ref _boundaries, _boundaries.Length * 2);
        }

        _boundaries[_boundaryCount++] = boundary;
    }

    /// <summary>A restart at the instant station <paramref name="e"/>'s period ended: the period goes on.</summary>
    private void CancelPendingEnd(int e)
    {
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pendingEnds[i] == e)
            {
                _pendingEnds[i] = _pendingEnds[--_pendingCount];
                return;
            }
        }
    }

    private void ChangeWip(int delta)
    {
        if (_wipSeries.Length > 0)
        {
            FillWipSeries();
        }

        _wipIntegral += _wip * (_now - _wipSince);
        _wipSince = _now;
        _wip += delta;
    }

    private void FillWipSeries()
    {
        // WIP is piecewise constant: every sample time up to now sees the value before this change.
        while (_wipSeriesCount < _wipSeries.Length && _nextWipSample <= _now && _options.WipSampleInterval > 0)
        {
            _wipSeries[_wipSeriesCount++] = _wip;
            _nextWipSample = _windowStart + (_wipSeriesCount * _options.WipSampleInterval);
        }
    }

    private void LevelWillChange(int e)
    {
        ref var st = ref _stores[e];
        _levelTime[st.LevelOffset + Math.Min(st.Count, st.TopBin)] += _now - st.LevelSince;
        st.LevelSince = _now;
    }

    private LeadTimeStatistics ComputeLeadTimes()
    {
        int n = _leadTimeCount;
        if (n == 0)
        {
            return new LeadTimeStatistics(0, 0, 0, 0, 0);
        }

        // Nearest-rank percentiles by selection on a reused copy: the same values a full sort gives at those ranks.
        if (_leadTimeScratch.Length < n)
        {
            _leadTimeScratch = new double[_leadTimes.Length];
        }

        var values = _leadTimeScratch.AsSpan(0, n);
        _leadTimes.AsSpan(0, n).CopyTo(values);
        int r50 = Rank(0.50), r90 = Rank(0.90), r99 = Rank(0.99);
        double p99 = OrderStatistic.Select(values, r99);
        double p90 = OrderStatistic.Select(values[..(r99 + 1)], r90);
        double p50 = OrderStatistic.Select(values[..(r90 + 1)], r50);
        return new LeadTimeStatistics(n, _leadTimeSum / n, p50, p90, p99);

        int Rank(double p) => Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1);
    }
}
