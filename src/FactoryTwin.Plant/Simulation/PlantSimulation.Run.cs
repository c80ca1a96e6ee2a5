using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>Running replications and summarizing them per line and station.</summary>
public sealed partial class PlantSimulation
{
    /// <summary>
    /// Runs independent replications from an empty plant at simulation time 0 (see <see cref="StartWeekTime"/>) in
    /// parallel. Replication i always uses the random streams of (seed, i), so results do not depend on the number
    /// of threads.
    /// </summary>
    /// <param name="options">Seed, warm-up, duration and replications.</param>
    /// <param name="progress">Receives the number of finished replications (from worker threads), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <returns>The summarized results.</returns>
    public PlantSimulationResult Run(PlantRunOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1);
        if (!(options.Duration > 0) || !double.IsFinite(options.Duration) || !(options.WarmUp >= 0) || !double.IsFinite(options.WarmUp))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Duration must be a positive and WarmUp a non-negative finite number of seconds.");
        }

        var engineOptions = new SimulationOptions
        {
            Seed = options.Seed,
            WarmUpTime = options.WarmUp,
            EndTime = options.WarmUp + options.Duration,
        };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var results = new ReplicationResult[options.Replications];
        int done = 0;
        Parallel.For(
            0,
            options.Replications,
            parallel,
            () => (LineSimulation?)null,
            (i, _, sim) =>
            {
                if (sim is null)
                {
                    sim = new LineSimulation(Model, engineOptions, i);
                }
                else
                {
                    sim.Reset(i);
                }

                sim.Run();
                results[i] = sim.GetResult();
                progress?.Report(Interlocked.Increment(ref done));
                return sim;
            },
            _ => { });

        var series = options.SeriesInterval > 0
            ? RunSeries(engineOptions with { TrackBottlenecks = false }, options, parallel)
            : null;
        return Summarize([.. results], options, series);
    }

    /// <summary>Cumulative output at each series step, per replication: [replication][step] → (plant, per line).</summary>
    private double[][] RunSeries(SimulationOptions engineOptions, PlantRunOptions options, ParallelOptions parallel)
    {
        int count = Math.Min(options.SeriesReplications, options.Replications);
        int steps = (int)Math.Ceiling((options.Duration / options.SeriesInterval) - 1e-9);
        int width = Lines.Length + 1;
        var perReplication = new double[Math.Max(count, 0)][];
        var exitIndices = ExitIndices();
        Parallel.For(0, perReplication.Length, parallel, r =>
        {
            var sim = new LineSimulation(Model, engineOptions, r);
            var row = new double[steps * width];
            var previous = new double[width];
            if (options.WarmUp > 0)
            {
                sim.RunUntil(options.WarmUp);
            }

            for (int k = 0; k < steps; k++)
            {
                sim.RunUntil(Math.Min(options.WarmUp + ((k + 1) * options.SeriesInterval), engineOptions.EndTime));
                var result = sim.GetResult();
                double plant = result.Output;
                row[k * width] = plant - previous[0];
                previous[0] = plant;
                for (int l = 0; l < Lines.Length; l++)
                {
                    double line = LineOutput(result, exitIndices[l]);
                    row[(k * width) + l + 1] = line - previous[l + 1];
                    previous[l + 1] = line;
                }
            }

            perReplication[r] = row;
        });
        return perReplication;
    }

    private PlantSimulationResult Summarize(ImmutableArray<ReplicationResult> results, PlantRunOptions options, double[][]? series)
    {
        var first = results[0];
        var stationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < first.Stations.Length; i++)
        {
            stationIndex[first.Stations[i].Name] = i;
        }

        var exitIndices = ExitIndices();
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
                int s = stationIndex[id.Value];
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

            var exits = exitIndices[l];
            double window = first.WindowEnd - first.WindowStart;
            double planned = WeekCalendar.OnShiftSeconds(map.Calendar, first.WindowStart, first.WindowEnd) / 3600;
            var built = stations.MoveToImmutable();
            allStations.AddRange(built);
            lines.Add(new PlantLineResult(
                map.Line,
                map.Name,
                Of(results, r => LineOutput(r, exits)),
                Of(results, r => window > 0 ? LineOutput(r, exits) * 3600 / window : 0),
                planned,
                Of(results, r => planned > 0 ? LineOutput(r, exits) / planned : 0),
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

    /// <summary>Positions of each line's exit stations in <see cref="ReplicationResult.Stations"/> (builder order).</summary>
    private int[][] ExitIndices()
    {
        var stationOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        int k = 0;
        foreach (var name in Model.ElementNames)
        {
            if (Model.GetKind(Model.Find(name)) == FactoryTwin.Simulation.Modeling.ElementKind.Station)
            {
                stationOrder[name] = k++;
            }
        }

        var result = new int[Lines.Length][];
        for (int l = 0; l < Lines.Length; l++)
        {
            result[l] = [.. Lines[l].ExitStations.Select(s => stationOrder[s.Value])];
        }

        return result;
    }

    private static double LineOutput(ReplicationResult result, int[] exits)
    {
        long good = 0;
        foreach (int s in exits)
        {
            good += result.Stations[s].Good;
        }

        return good;
    }

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
}
