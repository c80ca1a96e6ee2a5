using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Replications;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Running replications (through the engine's one <see cref="ReplicationRunner"/>) and summarizing them per line and station.</summary>
public sealed partial class PlantSimulation
{
    /// <summary>
    /// Runs independent replications from an empty plant at simulation time 0 (see <see cref="StartWeekTime"/>) in
    /// parallel. Replication i always uses the random streams of (seed, i), so results do not depend on the number
    /// of threads. With <see cref="PlantRunOptions.SeriesInterval"/> the first <see cref="PlantRunOptions.SeriesReplications"/>
    /// replications are run in steps and the output series is read at each step, in the same run.
    /// </summary>
    /// <param name="options">Seed, warm-up, duration and replications.</param>
    /// <param name="progress">Receives the number of finished replications (from worker threads), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <returns>The summarized results.</returns>
    public PlantSimulationResult Run(PlantRunOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FirstReplication != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FirstReplication, "A summarized run starts at replication 0; run a range through the observer overload.");
        }

        var collector = new SummaryCollector(this, options);
        Run(options, null, collector, progress, cancellationToken);
        return Summarize([.. collector.Results], options, collector.Series());
    }

    /// <summary>
    /// Runs independent replications in parallel from <paramref name="start"/> (or an empty plant at simulation time 0)
    /// and reports every step and every finished replication to <paramref name="observer"/>. The warm-up and the
    /// statistics window start at the snapshot; the first <see cref="PlantRunOptions.SeriesReplications"/> replications
    /// are stepped every <see cref="PlantRunOptions.SeriesInterval"/> seconds of the window (none when it is 0).
    /// Replication i always uses the random streams of (seed, i), so what the observer sees does not depend on the
    /// number of threads.
    /// </summary>
    /// <param name="options">Seed, warm-up, duration, replications and steps.</param>
    /// <param name="start">The plant state to start from, or <see langword="null"/> for an empty plant at simulation time 0.</param>
    /// <param name="observer">Receives the steps and the finished replications, from worker threads.</param>
    /// <param name="progress">Receives the number of finished replications (from worker threads), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <exception cref="ArgumentException">The snapshot does not fit the plant (the message names what is wrong).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Run(PlantRunOptions options, PlantSnapshot? start, IPlantReplicationObserver observer, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.FirstReplication);
        if (!(options.Duration > 0) || !double.IsFinite(options.Duration) || !(options.WarmUp >= 0) || !double.IsFinite(options.WarmUp))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Duration must be a positive and WarmUp a non-negative finite number of seconds.");
        }

        var engineStart = start is null ? null : ToEngineSnapshot(start);
        double warmUpEnd = (engineStart?.Time ?? 0) + options.WarmUp;
        var engineOptions = new SimulationOptions
        {
            Seed = options.Seed,
            WarmUpTime = warmUpEnd,
            EndTime = warmUpEnd + options.Duration,
        };
        int steps = SeriesSteps(options);
        var replications = new ReplicationOptions
        {
            Replications = options.Replications,
            FirstReplication = options.FirstReplication,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            Start = engineStart,
            StepInterval = steps > 0 ? options.SeriesInterval : 0,
            StepCount = steps,
            SteppedReplications = Math.Max(options.SeriesReplications, 0),
        };
        ReplicationRunner.Run(Model, engineOptions, replications, new ObserverAdapter(this, observer), progress, cancellationToken);
    }

    /// <summary>Sums the good parts of a line's exit stations in a running replication.</summary>
    internal long LineGood(LineSimulation run, int line)
    {
        long good = 0;
        foreach (var exit in _exitElements[line])
        {
            good += run.GoodCount(exit);
        }

        return good;
    }

    /// <summary>Sums the good parts of a line's exit stations in a replication's result.</summary>
    internal long LineGood(ReplicationResult result, int line)
    {
        long good = 0;
        foreach (int s in _exitStationIndices[line])
        {
            good += result.Stations[s].Good;
        }

        return good;
    }

    private static int SeriesSteps(PlantRunOptions options) =>
        options.SeriesInterval > 0 && SeriesReplications(options) > 0 ? (int)Math.Ceiling((options.Duration / options.SeriesInterval) - 1e-9) : 0;

    private static int SeriesReplications(PlantRunOptions options) => Math.Max(Math.Min(options.SeriesReplications, options.Replications), 0);

    private PlantSimulationResult Summarize(ImmutableArray<ReplicationResult> results, PlantRunOptions options, double[][]? series)
    {
        var first = results[0];
        int width = Lines.Length + 1;
        int steps = series is { Length: > 0 } ? series[0].Length / width : 0;
        var lines = ImmutableArray.CreateBuilder<PlantLineResult>(Lines.Length);
        var allStations = new List<PlantStationResult>();
        for (int l = 0; l < Lines.Length; l++)
        {
            var map = Lines[l];
            var stations = ImmutableArray.CreateBuilder<PlantStationResult>(map.Stations.Length);
            foreach (var id in map.Stations)
            {
                int s = _stationIndex[id.Value];
                var station = Plant.FindElement(id)!;
                stations.Add(new PlantStationResult(
                    id,
                    station.Name,
                    first.Stations[s].Servers,
                    Of(results, r => r.Stations[s].Working),
                    Of(results, r => r.Stations[s].SettingUp),
                    Of(results, r => r.Stations[s].Blocked),
                    Of(results, r => r.Stations[s].Starved),
                    Of(results, r => r.Stations[s].Down),
                    Of(results, r => r.Stations[s].OffShift),
                    Of(results, r => r.Stations[s].Oee),
                    Of(results, r => r.Stations[s].SoleBottleneck),
                    Of(results, r => r.Stations[s].ShiftingBottleneck),
                    Of(results, r => r.Stations[s].Processed)));
            }

            int line = l;
            double window = first.WindowEnd - first.WindowStart;
            double planned = WeekCalendar.OnShiftSeconds(map.Calendar, first.WindowStart, first.WindowEnd) / 3600;
            var built = stations.MoveToImmutable();
            allStations.AddRange(built);
            lines.Add(new PlantLineResult(
                map.Line,
                map.Name,
                Of(results, r => LineOutput(r, line)),
                Of(results, r => window > 0 ? LineOutput(r, line) * 3600 / window : 0),
                planned,
                Of(results, r => planned > 0 ? LineOutput(r, line) / planned : 0),
                built,
                BottleneckOf(built),
                MeanSeries(series, steps, width, l + 1)));
        }

        return new PlantSimulationResult(
            results,
            first.WindowStart,
            first.WindowEnd,
            Of(results, r => r.Output),
            Of(results, r => r.ThroughputPerHour),
            Of(results, r => r.LeadTime.Mean),
            Of(results, r => r.LeadTime.P90),
            Of(results, r => r.MeanWip),
            lines.MoveToImmutable(),
            BottleneckOf(allStations),
            steps > 0 ? options.SeriesInterval : 0,
            MeanSeries(series, steps, width, 0));
    }

    /// <summary>A line's good output as a figure to summarize.</summary>
    private double LineOutput(ReplicationResult result, int line) => LineGood(result, line);

    private static AssetId? BottleneckOf(IEnumerable<PlantStationResult> stations)
    {
        PlantStationResult? best = null;
        foreach (var s in stations)
        {
            if (s.BottleneckShare > 0 && (best is null || s.BottleneckShare > best.BottleneckShare))
            {
                best = s;
            }
        }

        return best?.Station;
    }

    private static ImmutableArray<double> MeanSeries(double[][]? series, int steps, int width, int column)
    {
        if (series is null || series.Length == 0 || steps == 0)
        {
            return [];
        }

        var mean = new double[steps];
        foreach (var row in series)
        {
            for (int k = 0; k < steps; k++)
            {
                mean[k] += row[(k * width) + column] / series.Length;
            }
        }

        return [.. mean];
    }

    private static Estimate Of(ImmutableArray<ReplicationResult> results, Func<ReplicationResult, double> metric)
    {
        var values = new double[results.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = metric(results[i]);
        }

        return Estimate.From(values);
    }

    /// <summary>Hands the engine's steps and results to a plant observer in plant terms.</summary>
    private sealed class ObserverAdapter(PlantSimulation plant, IPlantReplicationObserver observer) : IReplicationObserver
    {
        public void OnStep(int replication, int stepIndex, LineSimulation simulation) =>
            observer.OnStep(replication, stepIndex, new PlantRunCounters(plant, simulation));

        public void OnFinished(int replication, ReplicationResult result) =>
            observer.OnFinished(new PlantReplication(plant, result));
    }

    /// <summary>
    /// Keeps each replication's result and, for the stepped ones, the output made in each step: [replication][step]
    /// → (plant, per line), from the cumulative counters read at the step ends.
    /// </summary>
    private sealed class SummaryCollector : IPlantReplicationObserver
    {
        private readonly int _width;
        private readonly double[][] _rows;

        public SummaryCollector(PlantSimulation plant, PlantRunOptions options)
        {
            _width = plant.Lines.Length + 1;
            Results = new ReplicationResult[options.Replications];
            int steps = SeriesSteps(options);
            _rows = new double[steps > 0 ? SeriesReplications(options) : 0][];
            for (int r = 0; r < _rows.Length; r++)
            {
                _rows[r] = new double[steps * _width];
            }
        }

        public ReplicationResult[] Results { get; }

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
            var row = _rows[replication];
            int at = stepIndex * _width;
            row[at] = counters.Output;
            for (int l = 1; l < _width; l++)
            {
                row[at + l] = counters.LineGood(l - 1);
            }
        }

        public void OnFinished(PlantReplication replication) => Results[replication.Replication] = replication.Result;

        /// <summary>The output made in each step (cumulative counts turned into differences), or <see langword="null"/> when there is no series.</summary>
        public double[][]? Series()
        {
            if (_rows.Length == 0)
            {
                return null;
            }

            foreach (var row in _rows)
            {
                for (int at = row.Length - 1; at >= _width; at--)
                {
                    row[at] -= row[at - _width];
                }
            }

            return _rows;
        }
    }
}
