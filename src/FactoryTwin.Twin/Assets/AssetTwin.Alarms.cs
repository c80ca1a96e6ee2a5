using System.Collections.Immutable;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;

namespace FactoryTwin.Twin.Assets;

/// <summary>Alarm rules and commands.</summary>
internal sealed partial class AssetTwin
{
    /// <summary>
    /// The shortest span a rate-of-change rule measures over: the change since the start of the window divided by its
    /// length, evaluated when a sample arrives at least this long after the window began.
    /// </summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    /// <summary>The prefix of under-cure alarm ids: <c>{oven}:under-cure:{body}</c>.</summary>
    public const string UnderCureInfix = ":under-cure:";

    /// <summary>Evaluates the time-driven rules (stale data, state duration) and shelving expiry at <paramref name="now"/>.</summary>
    public void Evaluate(DateTimeOffset now, List<AlarmEvent> events)
    {
        foreach (var rule in _staleRules)
        {
            var last = _state.Measurements.TryGetValue(rule.Sensor.Value, out var slot) ? slot.At : _origin;
            var stale = (now - last).TotalSeconds > rule.After;
            Transition(rule, stale, now, null, events);
        }

        EvaluateDurations(now, events);
        EvaluateCure(now, events);
        List<string>? drop = null;
        foreach (var alarm in _state.Alarms.Values)
        {
            if (AlarmMachine.ExpireShelving(alarm, now))
            {
                events.Add(Event(AlarmEventKind.ShelveExpired, alarm, now, null, null));
            }

            if (alarm.Dynamic && alarm.State == AlarmState.Normal && !alarm.ConditionActive)
            {
                (drop ??= []).Add(alarm.Id);
            }
        }

        if (drop is not null)
        {
            foreach (var id in drop)
            {
                _state.Alarms.Remove(id);
            }
        }
    }

    private void EvaluateDurations(DateTimeOffset now, List<AlarmEvent> events)
    {
        foreach (var rule in _durationRules)
        {
            var active = _state.State == rule.State && (now - _state.StateSince).TotalSeconds > rule.LongerThan;
            Transition(rule, active, now, active ? (now - _state.StateSince).TotalSeconds : null, events);
        }
    }

    private void EvaluateSensor(AlarmRule[] rules, in MeasurementSlot slot, List<AlarmEvent> events)
    {
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ThresholdAlarm t:
                {
                    var alarm = _state.Alarms[t.Id.Value];
                    var v = slot.Value;
                    bool active;
                    if (alarm.ConditionActive)
                    {
                        // Clears only once the value is the deadband inside every limit (hysteresis).
                        active = !((t.High is not { } h || v <= h - t.Deadband) && (t.Low is not { } l || v >= l + t.Deadband));
                    }
                    else
                    {
                        active = (t.High is { } h && v > h) || (t.Low is { } l && v < l);
                    }

                    Transition(t, active, slot.At, v, events);
                    break;
                }

                case AnomalyAlarm a:
                {
                    var watch = _anomalies[a.Id.Value];
                    var kind = watch.Update(slot.Value, slot.At);
                    Transition(a, kind != Analytics.Anomaly.AnomalyKind.None, slot.At, watch.Detector.Level, events);
                    break;
                }

                case RateOfChangeAlarm r when slot.HasPrevious:
                {
                    var dt = (slot.At - slot.PreviousAt).TotalSeconds;
                    if (dt >= RateWindow.TotalSeconds)
                    {
                        var rate = Math.Abs(slot.Value - slot.Previous) / dt;
                        Transition(r, rate > r.MaxRate, slot.At, rate, events);
                    }

                    break;
                }
            }
        }
    }

    private void Transition(AlarmRule rule, bool active, DateTimeOffset at, double? value, List<AlarmEvent> events)
    {
        var alarm = _state.Alarms[rule.Id.Value];
        var kind = AlarmMachine.SetCondition(alarm, active, at, value, rule.OnDelay, rule.OffDelay);
        if (kind is { } k)
        {
            events.Add(Event(k, alarm, at, null, null));
        }
    }

    /// <summary>Gets whether this twin watches the cure of the bodies inside (an oven).</summary>
    public bool WatchesCure => _oven is not null;

    /// <summary>Predicts the cure of every body inside and raises or clears its under-cure alarm; a body that left clears its alarm.</summary>
    public void EvaluateCure(DateTimeOffset now, List<AlarmEvent> events)
    {
        if (_oven is null)
        {
            return;
        }

        foreach (var (body, at) in _leftOven!)
        {
            SetUnderCure(body, false, "", null, at, events);
        }

        _leftOven!.Clear();
        var cure = ImmutableArray.CreateBuilder<TwinBodyCure>(_state.Bodies.Count);
        foreach (var (body, result) in _oven.Predict(_state.Bodies, _state.Measurements))
        {
            var under = result.Verdict == Plant.Ovens.CureVerdict.UnderCured;
            var worst = result.WorstPoint;
            SetUnderCure(body.PartId, under, under ? OvenWatch.Message(_info.Id, body, result) : "", worst.Margin, now, events);
            cure.Add(new TwinBodyCure(body.PartId, VerdictOf(result.Verdict), worst.Point.Value, worst.Margin, now));
        }

        // The view shows exactly this prediction: the dashboard and API never compute one of their own.
        Cure = cure.DrainToImmutable();
    }

    /// <summary>Gets the latest cure prediction of the bodies inside (an oven); empty before the first evaluation.</summary>
    public ImmutableArray<TwinBodyCure> Cure { get; private set; } = [];

    /// <summary>Predicts one body's temperature curves under the same conditions as <see cref="EvaluateCure"/>.</summary>
    /// <param name="body">The body id.</param>
    /// <param name="now">Now (the twin's clock).</param>
    /// <returns>The curves, or <see langword="null"/> when this is no oven or the body is not inside.</returns>
    public TwinBodyCurves? Curves(string body, DateTimeOffset now)
    {
        if (_oven?.Curves(body, _state.Bodies, _state.Measurements) is not { } found)
        {
            return null;
        }

        var window = _oven.Window;
        var points = found.Result.Points.Select(p => new TwinPointCurve(p.Point.Value, VerdictOf(p.Verdict), [.. p.Times], [.. p.Temperatures]));
        return new TwinBodyCurves(
            body, window.Threshold, window.MaxPeakTemperature, window.MinTimeAboveThreshold, Math.Max(0, (now - found.EnteredAt).TotalSeconds), [.. points]);
    }

    internal static TwinCureVerdict VerdictOf(Plant.Ovens.CureVerdict verdict) => verdict switch
    {
        Plant.Ovens.CureVerdict.UnderCured => TwinCureVerdict.UnderCured,
        Plant.Ovens.CureVerdict.OverBaked => TwinCureVerdict.OverBaked,
        _ => TwinCureVerdict.Ok,
    };

    /// <summary>Raises or clears the predicted under-cure alarm of a body.</summary>
    public void SetUnderCure(string body, bool active, string message, double? margin, DateTimeOffset now, List<AlarmEvent> events)
    {
        var id = _info.Id + UnderCureInfix + body;
        if (!_state.Alarms.TryGetValue(id, out var alarm))
        {
            if (!active)
            {
                return;
            }

            alarm = new AlarmRecord { Id = id, Message = message, Priority = TwinAlarmPriority.High, Dynamic = true };
            _state.Alarms[id] = alarm;
        }

        if (active)
        {
            alarm.Message = message;
        }

        var kind = AlarmMachine.SetCondition(alarm, active, now, margin);
        if (kind is { } k)
        {
            events.Add(Event(k, alarm, now, null, null));
        }
    }

    public AlarmCommandResult Acknowledge(string alarm, string user, string? comment, DateTimeOffset now, List<AlarmEvent> events) =>
        Command(alarm, events, now, AlarmEventKind.Acknowledged, user, comment, a => AlarmMachine.Acknowledge(a, user, comment, now));

    public AlarmCommandResult Shelve(string alarm, string user, TimeSpan duration, TimeSpan max, string? comment, DateTimeOffset now, List<AlarmEvent> events) =>
        Command(alarm, events, now, AlarmEventKind.Shelved, user, comment, a => AlarmMachine.Shelve(a, user, duration, max, comment, now));

    public AlarmCommandResult Unshelve(string alarm, string user, DateTimeOffset now, List<AlarmEvent> events) =>
        Command(alarm, events, now, AlarmEventKind.Unshelved, user, null, a => AlarmMachine.Unshelve(a, user));

    private AlarmCommandResult Command(string id, List<AlarmEvent> events, DateTimeOffset now, AlarmEventKind kind, string? user, string? comment, Func<AlarmRecord, string?> apply)
    {
        if (string.IsNullOrEmpty(id) || !_state.Alarms.TryGetValue(id, out var alarm))
        {
            return new AlarmCommandResult(false, $"asset '{_info.Id}' has no alarm '{id}'.", null);
        }

        var error = apply(alarm);
        if (error is not null)
        {
            return new AlarmCommandResult(false, error, alarm.ToView(_info.Id));
        }

        events.Add(Event(kind, alarm, now, user, comment));
        return new AlarmCommandResult(true, null, alarm.ToView(_info.Id));
    }

    private static AlarmEvent Event(AlarmEventKind kind, AlarmRecord alarm, DateTimeOffset at, string? user, string? comment) =>
        new(kind, alarm.Id, at, alarm.State, alarm.Message, alarm.Priority, alarm.Value, user, comment);

    public ImmutableArray<AlarmView> Alarms(bool includeNormal)
    {
        var list = new List<AlarmView>(_state.Alarms.Count);
        foreach (var a in _state.Alarms.Values)
        {
            if (includeNormal || a.State != AlarmState.Normal)
            {
                list.Add(a.ToView(_info.Id));
            }
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Alarm, b.Alarm));
        return [.. list];
    }
}
