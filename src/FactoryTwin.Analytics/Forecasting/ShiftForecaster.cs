using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
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
        var rows = RunReplications(snapshot, options, 0, options.Replications, progress, cancellationToken);
        return Summarize(snapshot, options, rows, options.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>
    /// Runs replications <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of the
    /// forecast <see cref="Forecast"/> would run and returns their raw samples, one row per replication: the chunk a
    /// worker on any node computes. Replication i depends only on the snapshot, the options and (seed, i), so chunks
    /// joined with <see cref="ReplicationRows.Concat"/> and passed to <see cref="Summarize"/> give the forecast of one
    /// run bit for bit, whatever the chunking.
    /// </summary>
    /// <param name="snapshot">The plant state now.</param>
    /// <param name="options">The options of the whole forecast (<see cref="ShiftForecastOptions.Replications"/> is the total, not the chunk's).</param>
    /// <param name="first">The first replication of the chunk, at least 0.</param>
    /// <param name="count">The replications in the chunk, at least 1; the chunk must end by <see cref="ShiftForecastOptions.Replications"/>.</param>
    /// <param name="progress">Receives the number of finished replications of the chunk, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <returns>The chunk's samples.</returns>
    /// <exception cref="ArgumentException">The snapshot does not fit the plant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options or the range are out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ReplicationRows RunReplications(PlantSnapshot snapshot, ShiftForecastOptions options, int first, int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (first > options.Replications - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Replications {first}..{first + count - 1} lie beyond the forecast's {options.Replications}."));
        }

        var plan = PlanOf(snapshot, options);
        var samples = new Samples(first, count, plan.Steps, _simulation.Lines.Length + 1, _simulation.Stations.Length, _endLines);
        var run = new PlantRunOptions
        {
            Seed = options.Seed,
            Duration = plan.Horizon,
            Replications = count,
            FirstReplication = first,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            SeriesInterval = plan.Fan,
            SeriesReplications = options.Replications,
        };
        _simulation.Run(run, snapshot, samples, progress, cancellationToken);
        return new ReplicationRows(first, count, samples.Width, ImmutableCollectionsMarshal.AsImmutableArray(samples.Values));
    }

    /// <summary>
    /// Turns the samples of all the replications of a forecast (<see cref="RunReplications"/>, joined) into the
    /// forecast. The arithmetic runs over the replications in order, so the result depends on the rows alone, not on
    /// where or in how many chunks they were computed.
    /// </summary>
    /// <param name="snapshot">The snapshot the replications started from.</param>
    /// <param name="options">The options they were run with.</param>
    /// <param name="rows">Replications 0 to <see cref="ShiftForecastOptions.Replications"/> − 1.</param>
    /// <param name="elapsed">The time the forecast took, reported as <see cref="ShiftForecast.Elapsed"/>.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentException">The rows do not cover the forecast's replications or have the wrong width.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public ShiftForecast Summarize(PlantSnapshot snapshot, ShiftForecastOptions options, ReplicationRows rows, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rows);
        Validate(options);
        var plan = PlanOf(snapshot, options);
        int width = _simulation.Lines.Length + 1;
        int rowWidth = (plan.Steps * width) + _simulation.Stations.Length;
        if (rows.First != 0 || rows.Count != options.Replications || rows.Width != rowWidth)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The forecast needs replications 0..{options.Replications - 1} of {rowWidth} numbers each, not {rows.First}..{rows.End - 1} of {rows.Width}."),
                nameof(rows));
        }

        return SummarizeRows(snapshot, plan, rows, options, elapsed);
    }

    /// <summary>The forecast's end, fan spacing in seconds and number of fan steps: a function of the snapshot and options alone.</summary>
    private Plan PlanOf(PlantSnapshot snapshot, ShiftForecastOptions options)
    {
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
        return new Plan(end, horizon, fan, steps, shiftStart);
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

    private ShiftForecast SummarizeRows(PlantSnapshot snapshot, Plan plan, ReplicationRows rows, ShiftForecastOptions options, TimeSpan elapsed)
    {
        var (end, _, fan, steps, shiftStart) = plan;
        var values = rows.Values;
        int rowWidth = rows.Width;
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
                    column[i] = soFar[c] + values[(i * rowWidth) + (k * width) + c];
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
        var (plantBottleneck, plantShares) = Bottlenecks(rows, steps * width, n, all);
        var results = ImmutableArray.CreateBuilder<LineForecast>(lines);
        for (int l = 0; l < lines; l++)
        {
            var (bottleneck, shares) = Bottlenecks(rows, steps * width, n, _lineStations[l]);
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
            elapsed)
        {
            ShiftStart = plan.ShiftStart,
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
    private (AssetId? Bottleneck, ImmutableArray<BottleneckFrequency> Frequencies) Bottlenecks(ReplicationRows rows, int shareOffset, int n, int[] candidates)
    {
        var values = rows.Values;
        var wins = new int[candidates.Length];
        var share = new double[candidates.Length];
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            double bestShare = 0;
            for (int c = 0; c < candidates.Length; c++)
            {
                double s = values[(i * rows.Width) + shareOffset + candidates[c]];
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

    /// <summary>The forecast's end, horizon and fan spacing in seconds, and number of fan steps.</summary>
    private readonly record struct Plan(DateTimeOffset End, double Horizon, double Fan, int Steps, DateTimeOffset? ShiftStart);

    /// <summary>
    /// One row per replication of the chunk, so that row i − first depends on replication i only: the cumulative
    /// output since the snapshot at each fan step ([step][plant, lines…]; the plant is the sum of the lines that end in
    /// a sink), then each station's bottleneck share.
    /// </summary>
    private sealed class Samples(int first, int replications, int steps, int width, int stations, bool[] endLines) : IPlantReplicationObserver
    {
        public int Width { get; } = (steps * width) + stations;

        public double[] Values { get; } = new double[replications * ((steps * width) + stations)];

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
            int row = ((replication - first) * Width) + (stepIndex * width);
            double plant = 0;
            for (int l = 0; l < width - 1; l++)
            {
                long good = counters.LineGood(l);
                Values[row + l + 1] = good;
                if (endLines[l])
                {
                    plant += good;
                }
            }

            Values[row] = plant;
        }

        public void OnFinished(PlantReplication replication)
        {
            int row = ((replication.Replication - first) * Width) + (steps * width);
            for (int s = 0; s < stations; s++)
            {
                Values[row + s] = replication.BottleneckShare(s);
            }
        }
    }
}
