using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Ids;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Coordinates a forecast: sends its replications in chunks of <see cref="TwinOptions.ForecastChunkSize"/> to worker
/// slots spread over the silos (<see cref="ReplicationSpreader"/>; each uses the cores of its silo), joins the rows in
/// replication order and summarizes them here. The forecast for a snapshot and seed is bit-identical whatever the
/// number of silos and the chunk size.
/// </summary>
[StatelessWorker]
internal sealed class ForecastWorkerGrain : Grain, IForecastWorkerGrain
{
    private readonly ShiftForecasterHolder _forecaster;
    private readonly PlantIndex _index;
    private readonly ITwinRuntimeSettings _settings;
    private readonly TimeProvider _wall;
    private readonly int _chunkSize;

    public ForecastWorkerGrain(ShiftForecasterHolder forecaster, PlantIndex index, ITwinRuntimeSettings settings, TimeProvider wall, IOptions<TwinOptions> options)
    {
        _wall = wall;
        _chunkSize = options.Value.ForecastChunkSize;
        _settings = settings;
        _forecaster = forecaster;
        _index = index;
    }

    public async Task<ShiftForecastView> ForecastAsync(TwinSnapshot snapshot, int replications, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        long started = _wall.GetTimestamp();
        var plantSnapshot = PlantSnapshotMapper.Map(snapshot, _index);
        var job = new ForecastReplicationJob(snapshot, replications, seed);
        var (rows, _) = await ReplicationSpreader.RunAsync(GrainFactory, job, _chunkSize, cancellationToken: cancellationToken);

        // Targets only change the summary, never the replications, so they are applied here and not sent to the workers.
        var options = ReplicationWorkerGrain.ForecastOptions(job) with { LineTargets = LineTargets() };
        // The summary sorts every fan column: CPU work, so off the activation's scheduler like the replications.
        var forecast = await Task.Run(() => _forecaster.Forecaster.Summarize(plantSnapshot, options, rows, _wall.GetElapsedTime(started)), cancellationToken);
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
