using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Ids;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Orleans.Concurrency;

namespace FactoryTwin.Twin.Plants;

/// <summary>Runs a forecast on the thread pool (the replications use every core of the silo) and maps it to the view.</summary>
[StatelessWorker]
internal sealed class ForecastWorkerGrain : Grain, IForecastWorkerGrain
{
    private readonly ShiftForecasterHolder _forecaster;
    private readonly PlantIndex _index;
    private readonly ITwinRuntimeSettings _settings;

    public ForecastWorkerGrain(ShiftForecasterHolder forecaster, PlantIndex index, ITwinRuntimeSettings settings)
    {
        _settings = settings;
        _forecaster = forecaster;
        _index = index;
    }

    public async Task<ShiftForecastView> ForecastAsync(TwinSnapshot snapshot, int replications, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var plantSnapshot = PlantSnapshotMapper.Map(snapshot, _index);
        // One core is left to the rest of the server (ingestion, API reads, the dashboard) while a forecast runs; the
        // result is the same whatever the number of threads.
        var options = new ShiftForecastOptions
        {
            Replications = replications,
            Seed = seed,
            LineTargets = LineTargets(),
            MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1),
        };

        // CPU-bound and stateless: off the activation's scheduler so the silo keeps serving grain calls meanwhile.
        var forecast = await Task.Run(() => _forecaster.Forecaster.Forecast(plantSnapshot, options, null, cancellationToken), cancellationToken);
        return new ShiftForecastView(
            forecast.Instant,
            forecast.End,
            forecast.Replications,
            View(forecast.Plant),
            forecast.Bottleneck?.Value,
            [.. forecast.Lines.Select(l => new LineForecastView(l.Line.Value, View(l.Output), l.Bottleneck?.Value))],
            forecast.ShiftStart);
    }

    private Dictionary<LineId, int> LineTargets()
    {
        var targets = new Dictionary<LineId, int>();
        foreach (var (line, target) in _settings.LineTargets)
        {
            targets[new LineId(line)] = target;
        }

        return targets;
    }

    private static OutputForecastView View(OutputForecast o) => new(o.SoFar, o.Expected, o.Lower, o.Upper, o.Target, o.ProbabilityOfTarget);
}
