using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Assets;

/// <summary>
/// The behaviour of one asset twin, without Orleans: applies telemetry to an <see cref="AssetTwinState"/>, accounts
/// state time and counters per shift, evaluates the asset's alarm rules and answers views. Values older than the newest
/// of their channel are ignored (the live value never moves back in time).
/// </summary>
internal sealed partial class AssetTwin
{
    private static readonly TimeSpan RecheckOffShift = TimeSpan.FromMinutes(1);
    private readonly AssetInfo _info;
    private readonly AssetTwinState _state;
    private readonly Dictionary<string, AlarmRule[]> _sensorRules = new(StringComparer.Ordinal);
    private readonly StateDurationAlarm[] _durationRules;
    private readonly StaleDataAlarm[] _staleRules;
    private readonly Dictionary<string, AnomalyWatch> _anomalies = new(StringComparer.Ordinal);
    private DateTimeOffset _nextShiftCheck = DateTimeOffset.MinValue;
    private DateTimeOffset _origin;
    private readonly OvenWatch? _oven;
    private readonly List<(string Body, DateTimeOffset At)>? _leftOven;

    public AssetTwin(AssetInfo info, AssetTwinState state, DateTimeOffset activatedAt, OvenWatch? oven = null)
    {
        _info = info;
        _oven = oven;
        _leftOven = oven is null ? null : [];
        _state = state;
        _origin = activatedAt;
        var durations = new List<StateDurationAlarm>();
        var stale = new List<StaleDataAlarm>();
        var bySensor = new Dictionary<string, List<AlarmRule>>(StringComparer.Ordinal);
        foreach (var rule in info.Rules)
        {
            string? sensor = null;
            switch (rule)
            {
                case ThresholdAlarm t:
                    sensor = t.Sensor.Value;
                    break;
                case RateOfChangeAlarm r:
                    sensor = r.Sensor.Value;
                    break;
                case AnomalyAlarm a:
                    sensor = a.Sensor.Value;
                    _anomalies[a.Id.Value] = new AnomalyWatch(a, info.Clock);
                    break;
                case StaleDataAlarm s:
                    stale.Add(s);
                    break;
                case StateDurationAlarm d:
                    durations.Add(d);
                    break;
            }

            if (sensor is not null)
            {
                if (!bySensor.TryGetValue(sensor, out var list))
                {
                    bySensor[sensor] = list = [];
                }

                list.Add(rule);
            }

            if (!state.Alarms.ContainsKey(rule.Id.Value))
            {
                state.Alarms[rule.Id.Value] = new AlarmRecord { Id = rule.Id.Value, Message = rule.Name, Priority = (TwinAlarmPriority)(int)rule.Priority };
            }
        }

        foreach (var (k, v) in bySensor)
        {
            _sensorRules[k] = [.. v];
        }

        _durationRules = [.. durations];
        _staleRules = [.. stale];
    }

    public AssetInfo Info => _info;

    public AssetTwinState State => _state;

    /// <summary>Applies one asset's telemetry; returns whether the live state changed. Alarm transitions go to <paramref name="events"/>.</summary>
    public bool Apply(AssetTelemetry telemetry, List<AlarmEvent> events)
    {
        var changed = false;
        var points = telemetry.Points;
        for (var i = 0; i < points.Length; i++)
        {
            changed |= ApplyPoint(in points[i], events);
        }

        var parts = telemetry.Parts;
        for (var i = 0; i < parts.Length; i++)
        {
            changed |= ApplyPart(in parts[i]);
        }

        return changed;
    }

    private bool ApplyPoint(in TwinPoint p, List<AlarmEvent> events)
    {
        switch (p.Channel)
        {
            case SeriesId.StateChannel:
                return ApplyState(p.Timestamp, p.Value, events);
            case SeriesId.GoodChannel:
                return ApplyCounter(p.Timestamp, p.Value, good: true);
            case SeriesId.ScrapChannel:
                return ApplyCounter(p.Timestamp, p.Value, good: false);
            default:
                return ApplyMeasurement(p.Channel, p.Timestamp, p.Value, events);
        }
    }

    private bool ApplyState(DateTimeOffset at, double value, List<AlarmEvent> events)
    {
        if (at < _state.StateAt)
        {
            return false;
        }

        Touch(at);
        Rollover(at);
        StationState? code = (StationState)(int)value;
        if (_state.State is null)
        {
            _state.AccountedUntil = at > _state.ShiftStart ? at : _state.ShiftStart;
        }
        else
        {
            Account(at);
        }

        _state.StateAt = at;
        if (code == _state.State)
        {
            return false;
        }

        _state.State = code;
        _state.StateSince = at;
        EvaluateDurations(at, events);
        return true;
    }

    private bool ApplyCounter(DateTimeOffset at, double value, bool good)
    {
        if (at < (good ? _state.GoodAt : _state.ScrapAt))
        {
            return false;
        }

        Touch(at);
        Rollover(at);
        var v = (long)value;
        if (good)
        {
            var delta = v >= _state.GoodTotal ? v - _state.GoodTotal : v;
            _state.GoodTotal = v;
            _state.GoodAt = at;
            _state.GoodShift += delta;
            AddToMinute(at, delta);
            return delta != 0;
        }
        else
        {
            var delta = v >= _state.ScrapTotal ? v - _state.ScrapTotal : v;
            _state.ScrapTotal = v;
            _state.ScrapAt = at;
            _state.ScrapShift += delta;
            return delta != 0;
        }
    }

    private bool ApplyMeasurement(string channel, DateTimeOffset at, double value, List<AlarmEvent> events)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_state.Measurements, channel, out var exists);
        if (exists)
        {
            if (at < slot.At)
            {
                return false;
            }

            if (!slot.HasPrevious)
            {
                slot.PreviousAt = slot.At;
                slot.Previous = slot.Value;
                slot.HasPrevious = true;
            }
        }

        slot.At = at;
        slot.Value = value;
        Touch(at);
        _oven?.Record(channel, at, value);
        if (_sensorRules.TryGetValue(channel, out var rules))
        {
            EvaluateSensor(rules, slot, events);
        }

        // The rate of change is measured over windows of at least RateWindow, so that measurement noise between two
        // close samples does not read as a fast change; each window starts where the last one ended.
        if (slot.HasPrevious && slot.At - slot.PreviousAt >= RateWindow)
        {
            slot.PreviousAt = slot.At;
            slot.Previous = slot.Value;
        }

        for (var i = 0; i < _staleRules.Length; i++)
        {
            if (string.Equals(_staleRules[i].Sensor.Value, channel, StringComparison.Ordinal))
            {
                Transition(_staleRules[i], false, at, value, events);
            }
        }

        return true;
    }

    private bool ApplyPart(in TwinPartEvent e)
    {
        if (e.Timestamp < _state.LastPartAt)
        {
            return false;
        }

        _state.LastPartAt = e.Timestamp;
        Touch(e.Timestamp);
        var bodies = _state.Bodies;
        var index = -1;
        for (var i = 0; i < bodies.Count; i++)
        {
            if (string.Equals(bodies[i].PartId, e.PartId, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (e.Exit)
        {
            if (index < 0)
            {
                return false;
            }

            bodies.RemoveAt(index);
            _leftOven?.Add((e.PartId, e.Timestamp));
            return true;
        }

        if (index >= 0)
        {
            return false;
        }

        bodies.Add(new TwinBody(e.PartId, e.Variant, e.Colour, e.Timestamp));
        return true;
    }

    private void Touch(DateTimeOffset at)
    {
        if (_state.LastTelemetry is not { } last || at > last)
        {
            _state.LastTelemetry = at;
        }
    }

    private void Account(DateTimeOffset until)
    {
        if (_state.State is { } state && until > _state.AccountedUntil)
        {
            _state.StateSeconds[(int)state] += (until - _state.AccountedUntil).TotalSeconds;
            _state.AccountedUntil = until;
        }
    }

    private void Rollover(DateTimeOffset at)
    {
        if (at < _nextShiftCheck)
        {
            return;
        }

        var start = _info.Clock.ShiftStart(at);
        if (start > _state.ShiftStart)
        {
            if (_state.ShiftStart != DateTimeOffset.MinValue)
            {
                Account(start);
            }

            Array.Clear(_state.StateSeconds);
            _state.GoodShift = 0;
            _state.ScrapShift = 0;
            _state.ShiftStart = start;
            if (_state.AccountedUntil < start)
            {
                _state.AccountedUntil = start;
            }
        }

        var end = _info.Clock.ShiftEnd(_state.ShiftStart);
        _nextShiftCheck = end > at ? end : at + RecheckOffShift;
    }

    private void AddToMinute(DateTimeOffset at, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        var minute = at.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % AssetTwinState.Minutes);
        if (_state.MinuteIndex[slot] != minute)
        {
            if (_state.MinuteIndex[slot] > minute)
            {
                return; // older than the hour the ring holds
            }

            _state.MinuteIndex[slot] = minute;
            _state.MinuteCounts[slot] = 0;
        }

        _state.MinuteCounts[slot] += delta;
    }

    /// <summary>Gets the good parts counted in the 60 minutes up to <paramref name="now"/>.</summary>
    public long ThroughputLastHour(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        long sum = 0;
        for (var i = 0; i < AssetTwinState.Minutes; i++)
        {
            var m = _state.MinuteIndex[i];
            if (m > minute - AssetTwinState.Minutes && m <= minute)
            {
                sum += _state.MinuteCounts[i];
            }
        }

        return sum;
    }
}
