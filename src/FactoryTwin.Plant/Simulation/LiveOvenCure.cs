using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The cure gate of one oven in a <see cref="LivePlantRun"/>: like <see cref="OvenCureRouter"/>, but with the zone air
/// the run is fed (<see cref="LivePlantRun.RecordZoneAir"/>) instead of the setpoints — each zone's readings since the
/// oldest body inside entered, linear between readings and held at the latest one, the setpoint where a zone has not
/// reported: exactly what the twin's oven watch does with the same readings. Remembers each body's verdict until the
/// run's observer reports the body leaving. Not thread-safe (a live run is single-threaded).
/// </summary>
internal sealed class LiveOvenCure : IPartInspector
{
    private readonly OvenCureRouter _router;
    private readonly List<(double Time, double Kelvin)>[] _history;
    private readonly double _keep;
    private readonly Dictionary<int, CureVerdict> _verdicts = [];

    public LiveOvenCure(OvenCureRouter router)
    {
        _router = router;
        var oven = router.Predictor.Oven;
        _history = new List<(double, double)>[oven.Zones.Count];
        for (var z = 0; z < _history.Length; z++)
        {
            _history[z] = [];
        }

        // A body stays about one transit time (longer with stops): keep twice that, plus a margin.
        _keep = (2 * oven.TransitTime) + 600;
    }

    /// <summary>Gets the gate's router (oven, target, predictor).</summary>
    public OvenCureRouter Router => _router;

    /// <summary>Records a zone's air temperature.</summary>
    /// <param name="zone">The zone index.</param>
    /// <param name="time">Simulation seconds.</param>
    /// <param name="kelvin">The air temperature, in kelvin.</param>
    public void Record(int zone, double time, double kelvin)
    {
        var h = _history[zone];
        if (h.Count > 0 && time <= h[^1].Time)
        {
            h[^1] = (h[^1].Time, kelvin); // same instant (or out of order): the later reading wins
        }
        else
        {
            h.Add((time, kelvin));
        }

        var drop = 0;
        while (drop < h.Count - 1 && h[drop + 1].Time < time - _keep)
        {
            drop++;
        }

        if (drop > 0)
        {
            h.RemoveRange(0, drop);
        }
    }

    /// <inheritdoc />
    public PartOutcome Inspect(in PartInspection inspection)
    {
        var offset = double.IsNaN(inspection.FirstStop) ? 0 : inspection.FirstStop - inspection.WorkStart;
        var verdict = Judge(inspection.Variant, inspection.WorkStart, offset, inspection.StoppedTime);
        _verdicts[inspection.Part] = verdict;
        return verdict == CureVerdict.Ok ? PartOutcome.Good : PartOutcome.Rework;
    }

    /// <summary>Takes the verdict of a body judged and not yet taken.</summary>
    /// <param name="part">The engine part number.</param>
    /// <param name="verdict">Its verdict.</param>
    /// <returns>Whether one was waiting.</returns>
    public bool TryTake(int part, out CureVerdict verdict) => _verdicts.Remove(part, out verdict);

    private CureVerdict Judge(int variant, double entry, double stopOffset, double stopDuration)
    {
        if (Array.TrueForAll(_history, h => h.Count == 0) || (uint)variant >= (uint)_router.StyleOfVariant.Count)
        {
            return _router.Judge(variant, stopOffset, stopDuration);
        }

        var oven = _router.Predictor.Oven;
        var zones = new TemperatureSchedule[oven.Zones.Count];
        for (var z = 0; z < zones.Length; z++)
        {
            var h = _history[z];
            if (h.Count == 0)
            {
                zones[z] = TemperatureSchedule.Constant(oven.Zones[z].Setpoint);
                continue;
            }

            // On the passage's own axis (seconds since entry), as the twin does from the body's entry timestamp.
            var times = new double[h.Count];
            var values = new double[h.Count];
            for (var i = 0; i < h.Count; i++)
            {
                times[i] = h[i].Time - entry;
                values[i] = h[i].Kelvin;
            }

            zones[z] = TemperatureSchedule.PiecewiseLinear(times, values);
        }

        var conditions = OvenConditions.AtSetpoints(oven).WithZones(zones);
        if (stopDuration > 0)
        {
            conditions = conditions.WithStops(new ConveyorStop(stopOffset, stopDuration));
        }

        return _router.Predictor.Predict(new BodyPassage("body", _router.StyleOfVariant[variant], 0), conditions).Verdict;
    }

    /// <summary>Gets the oven.</summary>
    public AssetId Oven => _router.Oven;
}
