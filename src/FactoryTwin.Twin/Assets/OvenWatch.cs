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

    /// <summary>Predicts the bodies inside; a body of an unknown variant is skipped.</summary>
    public List<(TwinBody Body, BodyCureResult Result)> Predict(IReadOnlyList<TwinBody> bodies, IReadOnlyDictionary<string, MeasurementSlot> latest)
    {
        var result = new List<(TwinBody, BodyCureResult)>();
        if (bodies.Count == 0)
        {
            return result;
        }

        var origin = DateTimeOffset.MaxValue;
        var passages = new List<BodyPassage>(bodies.Count);
        var known = new List<TwinBody>(bodies.Count);
        foreach (var b in bodies)
        {
            if (!_styleOfVariant.TryGetValue(b.Variant, out var style))
            {
                continue;
            }

            origin = b.EnteredAt < origin ? b.EnteredAt : origin;
            known.Add(b);
        }

        foreach (var b in known)
        {
            passages.Add(new BodyPassage(b.PartId, _styleOfVariant[b.Variant], (b.EnteredAt - origin).TotalSeconds));
        }

        if (passages.Count == 0)
        {
            return result;
        }

        var zones = new TemperatureSchedule[_oven.Zones.Count];
        for (var z = 0; z < zones.Length; z++)
        {
            zones[z] = ZoneSchedule(z, origin, latest);
        }

        var conditions = OvenConditions.AtSetpoints(_oven).WithZones(zones);
        var predicted = _predictor.PredictBatch(passages, conditions);
        for (var i = 0; i < predicted.Count; i++)
        {
            result.Add((known[i], predicted[i]));
        }

        return result;
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
