using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Assets;

/// <summary>
/// Predicts the cure of every body inside an oven from the live zone air temperatures: each zone's measured history
/// since the oldest body entered (linear between readings), held at the latest reading for the rest of the passage,
/// and the setpoint where a zone has not reported. The history lives in memory only; after a restart the prediction
/// starts from the latest persisted readings.
/// </summary>
internal sealed class OvenWatch
{
    private readonly OvenCurePredictor _predictor;
    private readonly Oven _oven;
    private readonly Dictionary<string, int> _zoneOfSensor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BodyStyleId> _styleOfVariant = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, double Value)>[] _history;
    private readonly TimeSpan _keep;

    public OvenWatch(PlantModel model, AssetId oven)
    {
        _predictor = new OvenCurePredictor(model, oven);
        _oven = _predictor.Oven;
        _history = new List<(DateTimeOffset, double)>[_oven.Zones.Count];
        for (var z = 0; z < _oven.Zones.Count; z++)
        {
            _zoneOfSensor[_oven.Zones[z].Sensor.Value] = z;
            _history[z] = [];
        }

        foreach (var v in model.Variants)
        {
            _styleOfVariant[v.Id.Value] = v.BodyStyle;
        }

        // A body stays about one transit time (longer with stops): keep twice that, plus a margin.
        _keep = TimeSpan.FromSeconds((2 * _oven.TransitTime) + 600);
    }

    /// <summary>Records a reading when the channel is a zone sensor of this oven.</summary>
    public void Record(string channel, DateTimeOffset at, double value)
    {
        if (!_zoneOfSensor.TryGetValue(channel, out var zone))
        {
            return;
        }

        var h = _history[zone];
        h.Add((at, value));
        var cutoff = at - _keep;
        var drop = 0;
        while (drop < h.Count - 1 && h[drop + 1].At < cutoff)
        {
            drop++;
        }

        if (drop > 0)
        {
            h.RemoveRange(0, drop);
        }
    }

    /// <summary>Gets the oven's cure window.</summary>
    public CureWindow Window => _predictor.Window;

    /// <summary>Predicts the bodies inside; a body of an unknown variant is skipped.</summary>
    public List<(TwinBody Body, BodyCureResult Result)> Predict(IReadOnlyList<TwinBody> bodies, IReadOnlyDictionary<string, MeasurementSlot> latest)
    {
        var result = new List<(TwinBody, BodyCureResult)>();
        if (Passages(bodies, out var origin, out var known) is not { } passages)
        {
            return result;
        }

        var predicted = _predictor.PredictBatch(passages, Conditions(origin, latest));
        for (var i = 0; i < predicted.Count; i++)
        {
            result.Add((known[i], predicted[i]));
        }

        return result;
    }

    /// <summary>
    /// Predicts one body inside with its points' temperature traces, under exactly the conditions <see cref="Predict"/>
    /// uses for every body, so its curves and verdict agree with the alarm.
    /// </summary>
    /// <param name="body">The body id.</param>
    /// <param name="bodies">The bodies inside.</param>
    /// <param name="latest">The latest reading of each channel.</param>
    /// <returns>The result and when the body entered, or <see langword="null"/> when it is not inside or of an unknown variant.</returns>
    public (BodyCureResult Result, DateTimeOffset EnteredAt)? Curves(string body, IReadOnlyList<TwinBody> bodies, IReadOnlyDictionary<string, MeasurementSlot> latest)
    {
        if (Passages(bodies, out var origin, out var known) is not { } passages)
        {
            return null;
        }

        var i = known.FindIndex(b => string.Equals(b.PartId, body, StringComparison.Ordinal));
        return i < 0 ? null : (_predictor.Predict(passages[i], Conditions(origin, latest)), known[i].EnteredAt);
    }

    private List<BodyPassage>? Passages(IReadOnlyList<TwinBody> bodies, out DateTimeOffset origin, out List<TwinBody> known)
    {
        origin = DateTimeOffset.MaxValue;
        known = new List<TwinBody>(bodies.Count);
        foreach (var b in bodies)
        {
            if (!_styleOfVariant.ContainsKey(b.Variant))
            {
                continue;
            }

            origin = b.EnteredAt < origin ? b.EnteredAt : origin;
            known.Add(b);
        }

        if (known.Count == 0)
        {
            return null;
        }

        var passages = new List<BodyPassage>(known.Count);
        foreach (var b in known)
        {
            passages.Add(new BodyPassage(b.PartId, _styleOfVariant[b.Variant], (b.EnteredAt - origin).TotalSeconds));
        }

        return passages;
    }

    private OvenConditions Conditions(DateTimeOffset origin, IReadOnlyDictionary<string, MeasurementSlot> latest)
    {
        var zones = new TemperatureSchedule[_oven.Zones.Count];
        for (var z = 0; z < zones.Length; z++)
        {
            zones[z] = ZoneSchedule(z, origin, latest);
        }

        return OvenConditions.AtSetpoints(_oven).WithZones(zones);
    }

    public static string Message(string oven, TwinBody body, BodyCureResult result)
    {
        var worst = result.WorstPoint;
        return string.Create(CultureInfo.InvariantCulture, $"Body {body.PartId} in {oven} is predicted to leave under-cured at point {worst.Point} (cure margin {worst.Margin:P0})");
    }

    private TemperatureSchedule ZoneSchedule(int zone, DateTimeOffset origin, IReadOnlyDictionary<string, MeasurementSlot> latest)
    {
        var h = _history[zone];
        if (h.Count == 0)
        {
            return latest.TryGetValue(_oven.Zones[zone].Sensor.Value, out var slot)
                ? TemperatureSchedule.Constant(slot.Value)
                : TemperatureSchedule.Constant(_oven.Zones[zone].Setpoint);
        }

        var times = new List<double>(h.Count);
        var values = new List<double>(h.Count);
        foreach (var (at, value) in h)
        {
            var t = (at - origin).TotalSeconds;
            if (times.Count > 0 && t <= times[^1])
            {
                values[^1] = value; // same instant: the later reading wins
                continue;
            }

            times.Add(t);
            values.Add(value);
        }

        return TemperatureSchedule.PiecewiseLinear([.. times], [.. values]);
    }
}
