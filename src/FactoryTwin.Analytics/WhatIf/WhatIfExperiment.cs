using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// A what-if comparison prepared to run in chunks of replications anywhere and to be summarized once: the baseline and
/// every scenario applied and built, on the baseline's clock, with one set of run options. Replication i of every plant
/// uses the random streams of (seed, i) whoever runs it, so the rows of chunks (<see cref="RunReplications"/>), joined
/// with <see cref="ReplicationRows.Concat"/> and passed to <see cref="Summarize"/>, give the comparison of one run over
/// all replications bit for bit — whatever the chunking, the threads or the node that ran each chunk.
/// <see cref="WhatIfRunner.Run"/> is this class run in one chunk. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// A row holds, for the baseline (plant 0) and then each scenario (plant 1 + s), every KPI of <see cref="Kpis"/> in
/// order, and last the baseline's statistics window (start, end) in simulation seconds:
/// row[p × K + k] for plant p and KPI k of K, row[(1 + S) × K] and row[(1 + S) × K + 1] the window.
/// </remarks>
public sealed class WhatIfExperiment
{
    private readonly ImmutableArray<WhatIfScenario> _scenarios;
    private readonly ImmutableArray<ImmutableArray<string>> _changes;
    private readonly ImmutableArray<PlantSimulation> _simulations;
    private readonly PlantRunOptions _run;
    private readonly WhatIfOptions _options;

    private WhatIfExperiment(
        ImmutableArray<WhatIfScenario> scenarios,
        ImmutableArray<ImmutableArray<string>> changes,
        ImmutableArray<PlantSimulation> simulations,
        PlantRunOptions run,
        WhatIfOptions options,
        ImmutableArray<WhatIfKpi> kpis)
    {
        _scenarios = scenarios;
        _changes = changes;
        _simulations = simulations;
        _run = run;
        _options = options;
        Kpis = kpis;
        Width = (simulations.Length * kpis.Length) + 2;
    }

    /// <summary>Gets the compared KPIs, in row order.</summary>
    public ImmutableArray<WhatIfKpi> Kpis { get; }

    /// <summary>Gets the replications of the comparison (of the baseline and of each scenario).</summary>
    public int Replications => _options.Replications;

    /// <summary>Gets the number of plant runs per replication: the baseline and each scenario.</summary>
    public int Runs => _simulations.Length;

    /// <summary>Gets the numbers per replication row (see the remarks of <see cref="WhatIfExperiment"/>).</summary>
    public int Width { get; }

    /// <summary>Applies and builds the scenarios and checks the options, without running anything.</summary>
    /// <param name="baseline">The baseline plant (validated).</param>
    /// <param name="scenarios">The scenarios, at least one.</param>
    /// <param name="options">Replications, seed, window or snapshot; <see langword="null"/> for the defaults.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ArgumentException">A scenario does not fit the plant or changes its lines (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="InvalidOperationException">A scenario's plant cannot be simulated.</exception>
    public static WhatIfExperiment Create(PlantModel baseline, IReadOnlyList<WhatIfScenario> scenarios, WhatIfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfZero(scenarios.Count);
        options ??= new WhatIfOptions();
        Validate(options);

        var baseSimulation = PlantSimulationBuilder.Build(baseline);
        var clock = WhatIfRunner.ClockOf(baseSimulation.StartWeekTime);
        var run = RunOptions(baseSimulation, options);
        var simulations = ImmutableArray.CreateBuilder<PlantSimulation>(scenarios.Count + 1);
        var changes = ImmutableArray.CreateBuilder<ImmutableArray<string>>(scenarios.Count);
        simulations.Add(baseSimulation);
        foreach (var scenario in scenarios)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            var simulation = PlantSimulationBuilder.Build(scenario.Apply(baseline), clock);
            if (simulation.Lines.Length != baseSimulation.Lines.Length)
            {
                throw new ArgumentException($"Scenario '{scenario.Name}' changes the plant's lines; a what-if compares the same lines.", nameof(scenarios));
            }

            simulations.Add(simulation);
            var described = ImmutableArray.CreateBuilder<string>(scenario.Changes.Length);
            var before = baseline;
            foreach (var change in scenario.Changes)
            {
                described.Add(change.Describe(before));
                before = change.Apply(before);
            }

            changes.Add(described.MoveToImmutable());
        }

        return new WhatIfExperiment([.. scenarios], changes.MoveToImmutable(), simulations.MoveToImmutable(), run, options, WhatIfRunner.Kpis(baseSimulation));
    }

    /// <summary>
    /// Runs replications <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of the
    /// baseline and of every scenario and returns one row per replication: the chunk a worker on any node computes.
    /// </summary>
    /// <param name="first">The first replication, at least 0.</param>
    /// <param name="count">The replications, at least 1; the chunk must end by <see cref="Replications"/>.</param>
    /// <param name="progress">Receives the number of finished replications of the chunk over all its runs (up to <see cref="Runs"/> × <paramref name="count"/>), from worker threads; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each replication.</param>
    /// <returns>The chunk's rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the comparison.</exception>
    /// <exception cref="ArgumentException">The snapshot does not fit a scenario (the message names what is wrong).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ReplicationRows RunReplications(int first, int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (first > Replications - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Replications {first}..{first + count - 1} lie beyond the what-if's {Replications}."));
        }

        var values = new double[checked(count * Width)];
        var counter = new ProgressCounter(progress);
        var run = _run with { FirstReplication = first, Replications = count };
        for (int p = 0; p < _simulations.Length; p++)
        {
            var collector = new RowCollector(_simulations[p], values, first, Width, p * Kpis.Length, window: p == 0 ? Width - 2 : -1);
            _simulations[p].Run(run, _options.Start, collector, counter, cancellationToken);
        }

        return new ReplicationRows(first, count, Width, ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    /// <summary>
    /// Turns the rows of every replication (<see cref="RunReplications"/>, joined) into the comparison: each KPI's paired
    /// difference, interval and variance reduction. The arithmetic runs over the replications in order, so the result
    /// depends on the rows alone, not on where or in how many chunks they were computed.
    /// </summary>
    /// <param name="rows">Replications 0 to <see cref="Replications"/> − 1.</param>
    /// <param name="elapsed">The time the comparison took, reported as <see cref="WhatIfResult.Elapsed"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The rows do not cover the comparison's replications or have the wrong width.</exception>
    public WhatIfResult Summarize(ReplicationRows rows, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = Replications, kpis = Kpis.Length;
        if (rows.First != 0 || rows.Count != n || rows.Width != Width)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The what-if needs replications 0..{n - 1} of {Width} numbers each, not {rows.First}..{rows.End - 1} of {rows.Width}."),
                nameof(rows));
        }

        var baseValues = Column(rows, 0);
        var comparisons = ImmutableArray.CreateBuilder<ScenarioComparison>(_scenarios.Length);
        for (int s = 0; s < _scenarios.Length; s++)
        {
            var values = Column(rows, (s + 1) * kpis);
            var differences = ImmutableArray.CreateBuilder<KpiDifference>(kpis);
            for (int k = 0; k < kpis; k++)
            {
                differences.Add(PairedDifference.Of(Kpis[k].Key, baseValues[k], values[k], _options.Confidence));
            }

            comparisons.Add(new ScenarioComparison(_scenarios[s].Name, _changes[s], differences.MoveToImmutable()));
        }

        var window = rows.Row(0);
        return new WhatIfResult(
            Kpis,
            comparisons.MoveToImmutable(),
            n,
            _options.Seed,
            _options.Confidence,
            _options.Start is not null,
            window[Width - 2],
            window[Width - 1],
            elapsed);
    }

    /// <summary>The KPIs of one plant as [kpi][replication], from its block of columns starting at <paramref name="offset"/>.</summary>
    private double[][] Column(ReplicationRows rows, int offset)
    {
        var values = rows.Values.AsSpan();
        var columns = new double[Kpis.Length][];
        for (int k = 0; k < columns.Length; k++)
        {
            var column = new double[rows.Count];
            for (int i = 0; i < column.Length; i++)
            {
                column[i] = values[(i * Width) + offset + k];
            }

            columns[k] = column;
        }

        return columns;
    }

    private static void Validate(WhatIfOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 2, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (!(options.Confidence > 0 && options.Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Confidence, "Confidence must lie in (0, 1).");
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 or positive.");
        }

        if (options.Horizon is { } h && h <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), h, "Horizon must be positive.");
        }
    }

    private static PlantRunOptions RunOptions(PlantSimulation baseline, WhatIfOptions options)
    {
        if (options.Start is not { } start)
        {
            return new PlantRunOptions
            {
                Seed = options.Seed,
                WarmUp = options.WarmUp,
                Duration = options.Duration,
                Replications = options.Replications,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            };
        }

        var end = options.Horizon is { } h ? start.Instant + h : baseline.ShiftAround(start.Instant).End;
        double horizon = (end - start.Instant).TotalSeconds;
        if (!(horizon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The what-if must end after the snapshot instant.");
        }

        return new PlantRunOptions
        {
            Seed = options.Seed,
            WarmUp = 0,
            Duration = horizon,
            Replications = options.Replications,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };
    }

    /// <summary>Writes every KPI of each finished replication of one plant into its block of the chunk's rows.</summary>
    private sealed class RowCollector(PlantSimulation simulation, double[] values, int first, int width, int offset, int window) : IPlantReplicationObserver
    {
        private readonly int _lines = simulation.Lines.Length;

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
        }

        public void OnFinished(PlantReplication replication)
        {
            var r = replication.Result;
            int row = (replication.Replication - first) * width;
            int at = row + offset;
            values[at] = r.Output;
            values[at + 1] = r.ThroughputPerHour;
            values[at + 2] = r.LeadTime.Mean;
            values[at + 3] = r.MeanWip;
            for (int l = 0; l < _lines; l++)
            {
                values[at + 4 + l] = replication.LineGood(l);
            }

            if (window >= 0)
            {
                values[row + window] = r.WindowStart;
                values[row + window + 1] = r.WindowEnd;
            }
        }
    }

    /// <summary>Adds up the finished replications of every run for one progress report.</summary>
    private sealed class ProgressCounter(IProgress<int>? progress) : IProgress<int>
    {
        private int _done;

        public void Report(int value)
        {
            int done = Interlocked.Increment(ref _done);
            progress?.Report(done);
        }
    }
}
