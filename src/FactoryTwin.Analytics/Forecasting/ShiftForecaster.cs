using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>
/// Forecasts the rest of a shift from a <see cref="PlantSnapshot"/>: Monte Carlo replications of the plant simulation
/// warm-started from the snapshot (<see cref="PlantSimulation.Run(PlantRunOptions, PlantSnapshot?, IPlantReplicationObserver, IProgress{int}?, CancellationToken)"/>),
/// run in parallel over all cores, to the shift end (from the site's calendar) or an explicit horizon. Replication i
/// always uses the random streams of (seed, i) and writes slot i, so a forecast is bit-identical for a seed whatever
/// the number of threads. Thread-safe: one instance may serve concurrent forecasts.
/// </summary>
public sealed class ShiftForecaster
{
    private readonly PlantSimulation _simulation;
    private readonly int[][] _lineStations;
    private readonly bool[] _endLines;

    /// <summary>Creates a forecaster for a plant simulation.</summary>
    /// <param name="simulation">The plant simulation (built by <see cref="PlantSimulationBuilder"/>).</param>
    public ShiftForecaster(PlantSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _simulation = simulation;

        // Station positions in PlantSimulation.Stations, the order of the per-replication bottleneck shares.
        var order = new Dictionary<AssetId, int>();
        for (int s = 0; s < simulation.Stations.Length; s++)
        {
            order[simulation.Stations[s]] = s;
        }

        var lines = simulation.Lines;
        _lineStations = new int[lines.Length][];
        _endLines = new bool[lines.Length];
        for (int l = 0; l < lines.Length; l++)
        {
            _lineStations[l] = [.. lines[l].Stations.Select(s => order[s])];
            _endLines[l] = simulation.Plant.FindLine(lines[l].Line) is { Sinks.Count: > 0 };
        }
    }

    /// <summary>Creates a forecaster for a plant model with the default simulation options.</summary>
    /// <param name="plant">A validated plant model.</param>
    public ShiftForecaster(PlantModel plant)
        : this(PlantSimulationBuilder.Build(plant))
    {
    }

    /// <summary>Gets the plant simulation the forecasts run.</summary>
    public PlantSimulation Simulation => _simulation;

    /// <summary>Forecasts the rest of the shift from <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The plant state now, with each line's output of the shift so far.</param>
    /// <param name="options">Replications, seed, horizon, targets; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the number of finished replications (from worker threads), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the forecast (checked before each replication).</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentException">The snapshot does not fit the plant (the message names what is wrong).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range or the forecast would end before it starts.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ShiftForecast Forecast(PlantSnapshot snapshot, ShiftForecastOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new ShiftForecastOptions();
        Validate(options);
        long started = options.TimeProvider.GetTimestamp();
        DateTimeOffset? shiftStart = null;
        DateTimeOffset end;
        if (options.Until is { } until)
        {
            end = until;
        }
        else if (options.Horizon is { } h)
        {
            end = snapshot.Instant + h;
        }
        else
        {
            (var start, end) = _simulation.ShiftAround(snapshot.Instant);
            shiftStart = start;
        }

        double horizon = (end - snapshot.Instant).TotalSeconds;
        if (!(horizon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The forecast must end after the snapshot instant.");
        }

        // At most MaxFanSteps points, so that a long horizon does not hold replications × steps samples in memory.
        double fan = Math.Min(Math.Max(options.FanInterval.TotalSeconds, horizon / ShiftForecastOptions.MaxFanSteps), horizon);
        int steps = (int)Math.Ceiling((horizon / fan) - 1e-9);
        var samples = new Samples(options.Replications, steps, _simulation.Lines.Length + 1, _simulation.Stations.Length, _endLines);
        var run = new PlantRunOptions
        {
            Seed = options.Seed,
            Duration = horizon,
            Replications = options.Replications,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            SeriesInterval = fan,
            SeriesReplications = options.Replications,
        };
        _simulation.Run(run, snapshot, samples, progress, cancellationToken);
        return Summarize(snapshot, shiftStart, end, fan, steps, samples, options, started);
    }

    private static void Validate(ShiftForecastOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1, nameof(options));
        ArgumentNullException.ThrowIfNull(options.LineTargets, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (!(options.Coverage > 0 && options.Coverage < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Coverage, "Coverage must lie in (0, 1).");
        }

        if (options.FanInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FanInterval, "FanInterval must be positive.");
        }

        if (options.Horizon is { } h && h <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), h, "Horizon must be positive.");
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 or positive.");
        }
    }

    private ShiftForecast Summarize(PlantSnapshot snapshot, DateTimeOffset? shiftStart, DateTimeOffset end, double fan, int steps, Samples samples, ShiftForecastOptions options, long started)
    {
        var maps = _simulation.Lines;
        int n = options.Replications, lines = maps.Length, width = lines + 1;
        var soFar = new long[width];
        for (int l = 0; l < lines; l++)
        {
            var line = snapshot.Lines.FirstOrDefault(x => x.Line == maps[l].Line);
            soFar[l + 1] = line is null || CountsEarlierShift(line, shiftStart) ? 0 : line.Good;
            if (_endLines[l])
            {
                soFar[0] += soFar[l + 1];
            }
        }

        var lineTargets = new int?[width];
        bool allEndTargets = true;
        int endTargetSum = 0;
        for (int l = 0; l < lines; l++)
        {
            lineTargets[l + 1] = options.LineTargets.TryGetValue(maps[l].Line, out int t) ? t : maps[l].ShiftTarget;
            if (_endLines[l])
            {
                allEndTargets &= lineTargets[l + 1] is not null;
                endTargetSum += lineTargets[l + 1] ?? 0;
            }
        }

        lineTargets[0] = options.PlantTarget ?? (allEndTargets && _endLines.Any(e => e) ? endTargetSum : null);

        var column = new double[n];
        OutputForecast Output(int c)
        {
            var points = ImmutableArray.CreateBuilder<ForecastFanPoint>(steps + 1);
            points.Add(new ForecastFanPoint(snapshot.Instant, soFar[c], soFar[c], soFar[c]));
            for (int k = 0; k < steps; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    column[i] = soFar[c] + samples.Output[(((i * steps) + k) * width) + c];
                }

                Array.Sort(column);
                var at = k == steps - 1 ? end : snapshot.Instant.AddSeconds((k + 1) * fan);
                points.Add(new ForecastFanPoint(at, Quantile(column, Low(options)), Quantile(column, 0.5), Quantile(column, High(options))));
            }

            // column holds the sorted end-of-horizon outputs now.
            double mean = 0;
            int reached = 0;
            foreach (double v in column)
            {
                mean += v;
                if (lineTargets[c] is { } target && v >= target)
                {
                    reached++;
                }
            }

            return new OutputForecast(
                soFar[c],
                mean / n,
                Quantile(column, 0.5),
                Quantile(column, Low(options)),
                Quantile(column, High(options)),
                lineTargets[c],
                lineTargets[c] is null ? null : (double)reached / n,
                points.MoveToImmutable());
        }

        var plant = Output(0);
        var all = Enumerable.Range(0, _simulation.Stations.Length).ToArray();
        var (plantBottleneck, plantShares) = Bottlenecks(samples, n, all);
        var results = ImmutableArray.CreateBuilder<LineForecast>(lines);
        for (int l = 0; l < lines; l++)
        {
            var (bottleneck, shares) = Bottlenecks(samples, n, _lineStations[l]);
            results.Add(new LineForecast(maps[l].Line, maps[l].Name, Output(l + 1), bottleneck, shares));
        }

        return new ShiftForecast(
            snapshot.Instant,
            end,
            n,
            options.Seed,
            options.Coverage,
            plant,
            results.MoveToImmutable(),
            plantBottleneck,
            plantShares,
            options.TimeProvider.GetElapsedTime(started))
        {
            ShiftStart = shiftStart,
        };
    }

    /// <summary>
    /// Whether a line's counts began before the shift the forecast covers: off shift they are the last shift's output,
    /// and just after a shift change a counter that has not rolled over yet still holds the previous shift's. A second's
    /// slack allows for a counter that rolled over on the first event of the shift.
    /// </summary>
    private static bool CountsEarlierShift(PlantSnapshotLine line, DateTimeOffset? shiftStart) =>
        line.CountedSince is { } since && shiftStart is { } start && since < start - TimeSpan.FromSeconds(1);

    /// <summary>Per replication, the station among <paramref name="candidates"/> with the largest bottleneck share wins.</summary>
    private (AssetId? Bottleneck, ImmutableArray<BottleneckFrequency> Frequencies) Bottlenecks(Samples samples, int n, int[] candidates)
    {
        int stations = _simulation.Stations.Length;
        var wins = new int[candidates.Length];
        var share = new double[candidates.Length];
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            double bestShare = 0;
            for (int c = 0; c < candidates.Length; c++)
            {
                double s = samples.Share[(i * stations) + candidates[c]];
                share[c] += s / n;
                if (s > bestShare)
                {
                    best = c;
                    bestShare = s;
                }
            }

            if (best >= 0)
            {
                wins[best]++;
            }
        }

        var list = new List<BottleneckFrequency>();
        for (int c = 0; c < candidates.Length; c++)
        {
            if (wins[c] > 0)
            {
                list.Add(new BottleneckFrequency(_simulation.Stations[candidates[c]], (double)wins[c] / n, share[c]));
            }
        }

        list.Sort((a, b) => b.Frequency != a.Frequency ? b.Frequency.CompareTo(a.Frequency)
            : b.MeanShare != a.MeanShare ? b.MeanShare.CompareTo(a.MeanShare)
            : string.CompareOrdinal(a.Station.Value, b.Station.Value));
        return (list.Count > 0 ? list[0].Station : null, [.. list]);
    }

    private static double Low(ShiftForecastOptions options) => (1 - options.Coverage) / 2;

    private static double High(ShiftForecastOptions options) => (1 + options.Coverage) / 2;

    /// <summary>Empirical quantile of sorted values, linear between order statistics (Hyndman and Fan 1996, type 7).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>
    /// Per replication, every array indexed by replication first so that slot i depends on replication i only: the
    /// cumulative output since the snapshot at each fan step ([i][step][plant, lines…]; the plant is the sum of the
    /// lines that end in a sink) and each station's bottleneck share.
    /// </summary>
    private sealed class Samples(int replications, int steps, int width, int stations, bool[] endLines) : IPlantReplicationObserver
    {
        public double[] Output { get; } = new double[replications * steps * width];

        public double[] Share { get; } = new double[replications * stations];

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
            int row = ((replication * steps) + stepIndex) * width;
            double plant = 0;
            for (int l = 0; l < width - 1; l++)
            {
                long good = counters.LineGood(l);
                Output[row + l + 1] = good;
                if (endLines[l])
                {
                    plant += good;
                }
            }

            Output[row] = plant;
        }

        public void OnFinished(PlantReplication replication)
        {
            int i = replication.Replication;
            for (int s = 0; s < stations; s++)
            {
                Share[(i * stations) + s] = replication.BottleneckShare(s);
            }
        }
    }
}
