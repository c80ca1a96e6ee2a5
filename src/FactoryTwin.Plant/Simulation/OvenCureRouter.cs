using System.Collections.Concurrent;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The cure gate of an oven with <see cref="Oven.CureRework"/>: judges every body that leaves with the twin's
/// <see cref="OvenCurePredictor"/> (zones at their setpoints, the nominal conveyor speed, the body's own stop when its
/// machine was down during the passage) and sends it to rework when the verdict is not OK. The thermal solve is done
/// once per body style at the setpoints (a lookup per body after that) and once per distinct stop (to the predictor's
/// time step), cached; verdicts are a pure function of their inputs, so the cache is safe to share between parallel
/// replications and does not change any result.
/// </summary>
internal sealed class OvenCureRouter : IPartInspector
{
    /// <summary>Distinct stopped passages remembered; beyond this each is solved anew (memory stays bounded).</summary>
    private const int MaxCachedStops = 16_384;

    private readonly BodyStyleId[] _styleOfVariant;
    private readonly OvenConditions _setpoints;
    private readonly Lazy<CureVerdict[]> _nominal;
    private readonly ConcurrentDictionary<(int Variant, long Offset, long Duration), CureVerdict> _stopped = new();

    /// <summary>Creates the gate of an oven.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="oven">The oven station; it must have <see cref="Oven.CureRework"/>.</param>
    public OvenCureRouter(PlantModel plant, Station oven)
    {
        Oven = oven.Id;
        Target = oven.Oven!.CureRework!.Value;
        Predictor = new OvenCurePredictor(plant, oven.Id, new OvenPredictionOptions { Backend = FactoryTwin.Thermal.Solver.HeatBackend.Cpu });
        _styleOfVariant = [.. plant.Variants.Items.Select(v => v.BodyStyle)];
        _setpoints = OvenConditions.AtSetpoints(oven.Oven);
        _nominal = new Lazy<CureVerdict[]>(() => Solve(_setpoints, 0, 0), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the oven.</summary>
    public AssetId Oven { get; }

    /// <summary>Gets where bodies off the cure window go.</summary>
    public AssetId Target { get; }

    /// <summary>Gets the predictor (the twin's).</summary>
    public OvenCurePredictor Predictor { get; }

    /// <summary>Gets the body style of each variant index.</summary>
    public IReadOnlyList<BodyStyleId> StyleOfVariant => _styleOfVariant;

    /// <summary>Returns the verdict of a body of a variant at the setpoints, stopped once for <paramref name="stopDuration"/> at <paramref name="stopOffset"/> seconds after entry.</summary>
    /// <param name="variant">The variant index.</param>
    /// <param name="stopOffset">Seconds after entry when the conveyor stopped.</param>
    /// <param name="stopDuration">Seconds it stood; 0 for none.</param>
    /// <returns>The verdict.</returns>
    public CureVerdict Judge(int variant, double stopOffset, double stopDuration)
    {
        if ((uint)variant >= (uint)_styleOfVariant.Length)
        {
            return CureVerdict.Ok; // no body style to judge: the engine's single default variant of a plant without variants
        }

        if (!(stopDuration > 0))
        {
            return _nominal.Value[variant];
        }

        // Quantized to the predictor's time step: the solve cannot resolve a stop more finely.
        var step = Predictor.Options.TimeStep;
        var key = (variant, (long)Math.Round(stopOffset / step), (long)Math.Round(stopDuration / step));
        if (_stopped.TryGetValue(key, out var verdict))
        {
            return verdict;
        }

        verdict = Solve(_setpoints, key.Item2 * step, key.Item3 * step)[variant];
        if (_stopped.Count < MaxCachedStops)
        {
            _stopped.TryAdd(key, verdict);
        }

        return verdict;
    }

    /// <inheritdoc />
    public PartOutcome Inspect(in PartInspection inspection)
    {
        var offset = double.IsNaN(inspection.FirstStop) ? 0 : inspection.FirstStop - inspection.WorkStart;
        return Judge(inspection.Variant, offset, inspection.StoppedTime) == CureVerdict.Ok ? PartOutcome.Good : PartOutcome.Rework;
    }

    /// <summary>The verdict of each variant's body entering at 0 under <paramref name="conditions"/> with one stop.</summary>
    private CureVerdict[] Solve(OvenConditions conditions, double stopOffset, double stopDuration)
    {
        var passages = new BodyPassage[_styleOfVariant.Length];
        for (var v = 0; v < passages.Length; v++)
        {
            passages[v] = new BodyPassage("v" + v.ToString(System.Globalization.CultureInfo.InvariantCulture), _styleOfVariant[v], 0);
        }

        var stopped = stopDuration > 0 ? conditions.WithStops(new ConveyorStop(stopOffset, stopDuration)) : conditions;
        return [.. Predictor.PredictBatch(passages, stopped).Select(r => r.Verdict)];
    }
}
