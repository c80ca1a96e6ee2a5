using System.Collections.Immutable;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Assets;

/// <summary>Views and KPIs.</summary>
internal sealed partial class AssetTwin
{
    /// <summary>Gets the seconds in each state this shift up to <paramref name="asOf"/>, and that shift's start.</summary>
    public (double[] Seconds, DateTimeOffset ShiftStart, long Good, long Scrap) ShiftTotals(DateTimeOffset asOf)
    {
        var seconds = new double[AssetTwinState.StateCount];
        var shiftStart = _info.Clock.ShiftStart(asOf);
        if (_state.ShiftStart != DateTimeOffset.MinValue && shiftStart <= _state.ShiftStart)
        {
            Array.Copy(_state.StateSeconds, seconds, seconds.Length);
            if (_state.State is { } state && asOf > _state.AccountedUntil)
            {
                seconds[(int)state] += (asOf - _state.AccountedUntil).TotalSeconds;
            }

            return (seconds, _state.ShiftStart, _state.GoodShift, _state.ScrapShift);
        }

        // A new shift has begun since the last telemetry: only the current state counts, from the shift start.
        if (_state.State is { } current && asOf > shiftStart)
        {
            seconds[(int)current] = (asOf - shiftStart).TotalSeconds;
        }

        return (seconds, shiftStart, 0, 0);
    }

    public StationKpi Kpi(DateTimeOffset asOf)
    {
        var (seconds, shiftStart, good, scrap) = ShiftTotals(asOf);
        return OeeCalculator.Compute(shiftStart, asOf, seconds, good, scrap, _info.IdealCycleTime, ThroughputLastHour(asOf));
    }

    public AssetTwinView View(DateTimeOffset now)
    {
        var (seconds, _, _, _) = ShiftTotals(now);
        var measurements = new List<TwinMeasurement>(_state.Measurements.Count);
        foreach (var (channel, slot) in _state.Measurements)
        {
            measurements.Add(new TwinMeasurement(channel, slot.At, slot.Value));
        }

        measurements.Sort(static (a, b) => string.CompareOrdinal(a.Channel, b.Channel));
        return new AssetTwinView(
            _info.Id,
            _info.Line,
            _info.Kind,
            _state.State,
            _state.State is null ? null : _state.StateSince,
            [.. seconds],
            _state.GoodTotal,
            _state.ScrapTotal,
            [.. measurements],
            [.. _state.Bodies],
            _state.LastTelemetry,
            Kpi(now),
            Alarms(includeNormal: false),
            Cure);
    }
}
