using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    private int[] _periodOwner = new int[256];
    private double[] _periodStart = new double[256];
    private double[] _periodEnd = new double[256];
    private int _periodCount;
    private double[] _levelTime = [];
    private int[] _levelOffset = [];
    private int[] _levelBins = [];
    private double[] _leadTimes = new double[1024];
    private int _leadTimeCount;
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
        double window = _now - _windowStart;
        var stations = ImmutableArray.CreateBuilder<StationStatistics>(_model.StationIndices.Length);
        int n = _defs.Length;
        var sole = new double[n];
        var shifting = new double[n];
        if (_options.TrackBottlenecks)
        {
            ComputeBottlenecks(window, sole, shifting);
        }

        var totals = new double[StatusCount];
        foreach (int e in _model.StationIndices)
        {
            var d = _defs[e];
            Array.Clear(totals);
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
            double f(MachineStatus s) => machineTime > 0 ? totals[(int)s] / machineTime : 0;
            double planned = machineTime - totals[(int)MachineStatus.OffShift];
            double run = planned - totals[(int)MachineStatus.Down] - totals[(int)MachineStatus.SettingUp];
            long processed = _processed[e];
            stations.Add(new StationStatistics(
                d.Name,
                d.MachineCount,
                f(MachineStatus.Working),
                f(MachineStatus.SettingUp),
                f(MachineStatus.Blocked),
                f(MachineStatus.Starved),
                f(MachineStatus.Down),
                f(MachineStatus.OffShift),
                processed,
                _scrapped[e],
                _reworked[e],
                planned > 0 ? Math.Max(run, 0) / planned : 0,
                run > 0 ? _idealTime[e] / run : 0,
                processed > 0 ? (double)(processed - _scrapped[e] - _reworked[e]) / processed : 0,
                sole[e],
                shifting[e]));
        }

        var buffers = ImmutableArray.CreateBuilder<BufferStatistics>(_model.StoreIndices.Length);
        foreach (int e in _model.StoreIndices)
        {
            int bins = _levelBins[e];
            var fractions = new double[bins];
            double mean = 0;
            int level = _stores[e].Count;
            for (int k = 0; k < bins; k++)
            {
                double t = _levelTime[_levelOffset[e] + k] + (Math.Min(level, bins - 1) == k ? _now - _stores[e].LevelSince : 0);
                fractions[k] = window > 0 ? t / window : 0;
                mean += k * fractions[k];
            }

            buffers.Add(new BufferStatistics(_defs[e].Name, _defs[e].Capacity, mean, [.. fractions], level));
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
            stations.MoveToImmutable(),
            buffers.MoveToImmutable(),
            _initialWip,
            _enteredTotal,
            _exitedTotal,
            _scrappedTotal,
            _wip,
            _events);
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
        _levelOffset = new int[n];
        _levelBins = new int[n];
        int total = 0;
        foreach (int e in _model.StoreIndices)
        {
            _levelOffset[e] = total;
            _levelBins[e] = Math.Min(_defs[e].Capacity, MaxHistogramLevels - 1) + 1;
            total += _levelBins[e];
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

        foreach (int e in _model.StoreIndices)
        {
            _stores[e].LevelSince = _now;
        }

        _periodCount = 0;
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

    private void UpdateStatus(int m)
    {
        var status = ComputeStatus(m);
        ref var mm = ref _machines[m];
        if (status == mm.Status)
        {
            return;
        }

        _statusTime[(m * StatusCount) + (int)mm.Status] += _now - mm.StatusSince;
        bool wasActive = IsActive(mm.Status);
        bool isActive = IsActive(status);
        mm.Status = status;
        mm.StatusSince = _now;
        mm.EnteredStatusAt = _now;
        _observer?.OnMachineStatusChanged(_now, mm.Station, m - _info[mm.Station].FirstMachine, status);
        if (wasActive != isActive)
        {
            int e = mm.Station;
            if (isActive)
            {
                // An inactive gap of zero length (finish, hand over, start the next part at one instant)
                // does not split an active period.
                if (_activeCount[e]++ == 0 && !(_activeEnd[e] == _now))
                {
                    if (_trackBottlenecks && _activeEnd[e] > _activeSince[e])
                    {
                        RecordPeriod(e, _activeSince[e], _activeEnd[e]);
                    }

                    _activeSince[e] = _now;
                }

                _activeEnd[e] = double.NaN;
            }
            else if (--_activeCount[e] == 0)
            {
                _activeEnd[e] = _now;
            }
        }
    }

    private void RecordPeriod(int e, double start, double end)
    {
        if (_periodCount == _periodOwner.Length)
        {
            int size = _periodOwner.Length * 2;
            Array.Resize(ref _periodOwner, size);
            Array.Resize(ref _periodStart, size);
            Array.Resize(ref _periodEnd, size);
        }

        _periodOwner[_periodCount] = e;
        _periodStart[_periodCount] = start;
        _periodEnd[_periodCount] = end;
        _periodCount++;
    }

    private void ComputeBottlenecks(double window, double[] sole, double[] shifting)
    {
        int open = 0;
        foreach (int e in _model.StationIndices)
        {
            if (PeriodEnd(e) > _activeSince[e])
            {
                open++;
            }
        }

        int count = _periodCount + open;
        var owner = new int[count];
        var start = new double[count];
        var end = new double[count];
        Array.Copy(_periodOwner, owner, _periodCount);
        Array.Copy(_periodStart, start, _periodCount);
        Array.Copy(_periodEnd, end, _periodCount);
        int i = _periodCount;
        foreach (int e in _model.StationIndices)
        {
            if (PeriodEnd(e) > _activeSince[e])
            {
                (owner[i], start[i], end[i]) = (e, _activeSince[e], PeriodEnd(e));
                i++;
            }
        }

        ActivePeriodBottleneck.Compute(_defs.Length, owner, start, end, window, sole, shifting);
    }

    /// <summary>End of the period not yet recorded: now while active, the pending end, or NaN.</summary>
    private double PeriodEnd(int e) => _activeCount[e] > 0 ? _now : _activeEnd[e];

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
        int bin = Math.Min(st.Count, _levelBins[e] - 1);
        _levelTime[_levelOffset[e] + bin] += _now - st.LevelSince;
        st.LevelSince = _now;
    }

    private LeadTimeStatistics ComputeLeadTimes()
    {
        int n = _leadTimeCount;
        if (n == 0)
        {
            return new LeadTimeStatistics(0, 0, 0, 0, 0);
        }

        var sorted = _leadTimes.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        return new LeadTimeStatistics(n, _leadTimeSum / n, Rank(0.50), Rank(0.90), Rank(0.99));

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1)];
    }
}
