using System.Collections.Immutable;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// Runs what-if scenarios against a baseline plant with common random numbers and reports each KPI's paired difference.
/// The baseline and every scenario run the same replications 0…n−1 with the same seed; the engine draws every random
/// number from a stream keyed by (seed, replication, element name, purpose), so a change to one station leaves the
/// numbers every other element draws as they were, and replication i of a scenario differs from replication i of the
/// baseline only through the change. The scenarios are simulated on the same clock as the baseline (its start day and
/// time), so a changed shift calendar does not move the start.
/// </summary>
public static class WhatIfRunner
{
    /// <summary>Compares scenarios against the baseline.</summary>
    /// <param name="baseline">The baseline plant (validated).</param>
    /// <param name="scenarios">The scenarios, at least one.</param>
    /// <param name="options">Replications, seed, window or snapshot; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the number of finished replications over all runs ((1 + scenarios) × replications), from worker threads.</param>
    /// <param name="cancellationToken">Stops the comparison (checked before each replication).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">A scenario does not fit the plant, or the snapshot does not fit a scenario (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="InvalidOperationException">A scenario's plant cannot be simulated.</exception>
    public static WhatIfResult Run(PlantModel baseline, IReadOnlyList<WhatIfScenario> scenarios, WhatIfOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfZero(scenarios.Count);
        options ??= new WhatIfOptions();
        Validate(options);
        long started = options.TimeProvider.GetTimestamp();

        var baseSimulation = PlantSimulationBuilder.Build(baseline);
        var clock = ClockOf(baseSimulation.StartWeekTime);
        var run = RunOptions(baseSimulation, options);
        var counter = new ProgressCounter(progress);
        var kpis = Kpis(baseSimulation);
        var (baseValues, window) = Collect(baseSimulation, run, options.Start, kpis.Length, counter, cancellationToken);

        var comparisons = ImmutableArray.CreateBuilder<ScenarioComparison>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            var plant = scenario.Apply(baseline);
            var simulation = PlantSimulationBuilder.Build(plant, clock);
            if (simulation.Lines.Length != baseSimulation.Lines.Length)
            {
                throw new ArgumentException($"Scenario '{scenario.Name}' changes the plant's lines; a what-if compares the same lines.", nameof(scenarios));
            }

            var (values, _) = Collect(simulation, run, options.Start, kpis.Length, counter, cancellationToken);
            var rows = ImmutableArray.CreateBuilder<KpiDifference>(kpis.Length);
            for (int k = 0; k < kpis.Length; k++)
            {
                rows.Add(PairedDifference.Of(kpis[k].Key, baseValues[k], values[k], options.Confidence));
            }

            var changes = ImmutableArray.CreateBuilder<string>(scenario.Changes.Length);
            var before = baseline;
            foreach (var change in scenario.Changes)
            {
                changes.Add(change.Describe(before));
                before = change.Apply(before);
            }

            comparisons.Add(new ScenarioComparison(scenario.Name, changes.MoveToImmutable(), rows.MoveToImmutable()));
        }

        return new WhatIfResult(
            kpis,
            comparisons.MoveToImmutable(),
            options.Replications,
            options.Seed,
            options.Confidence,
            options.Start is not null,
            window.Start,
            window.End,
            options.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>The KPIs of a plant: plant output, throughput, lead time, WIP, and the good output of each line.</summary>
    internal static ImmutableArray<WhatIfKpi> Kpis(PlantSimulation simulation)
    {
        var kpis = ImmutableArray.CreateBuilder<WhatIfKpi>();
        kpis.Add(new WhatIfKpi("output", "Plant output", "jobs", true));
        kpis.Add(new WhatIfKpi("throughput", "Plant throughput", "jobs/h", true));
        kpis.Add(new WhatIfKpi("lead-time", "Mean lead time", "s", false));
        kpis.Add(new WhatIfKpi("wip", "Mean work in process", "parts", false));
        foreach (var line in simulation.Lines)
        {
            kpis.Add(new WhatIfKpi("line-output:" + line.Line.Value, line.Name + " output", "jobs", true));
        }

        return kpis.ToImmutable();
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

    /// <summary>The baseline's start day and time, so that every scenario runs on the same clock.</summary>
    internal static PlantSimulationOptions ClockOf(double startWeekTime)
    {
        int day = (int)Math.Floor(startWeekTime / 86_400);
        double time = startWeekTime - (day * 86_400.0);
        return new PlantSimulationOptions
        {
            StartDay = (DayOfWeek)((day + 1) % 7), // week time 0 is Monday 00:00
            StartTime = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(time)),
        };
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

    private static (double[][] Values, (double Start, double End) Window) Collect(
        PlantSimulation simulation, PlantRunOptions run, PlantSnapshot? start, int kpiCount, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var collector = new KpiCollector(simulation, run.Replications, kpiCount);
        simulation.Run(run, start, collector, counter, cancellationToken);
        return (collector.Values, collector.Window);
    }

    /// <summary>Reads every KPI of each finished replication into [kpi][replication].</summary>
    private sealed class KpiCollector : IPlantReplicationObserver
    {
        private readonly int _lines;

        public KpiCollector(PlantSimulation simulation, int replications, int kpis)
        {
            _lines = simulation.Lines.Length;
            Values = new double[kpis][];
            for (int k = 0; k < kpis; k++)
            {
                Values[k] = new double[replications];
            }
        }

        public double[][] Values { get; }

        public (double Start, double End) Window { get; private set; }

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
        }

        public void OnFinished(PlantReplication replication)
        {
            var r = replication.Result;
            int i = replication.Replication;
            Values[0][i] = r.Output;
            Values[1][i] = r.ThroughputPerHour;
            Values[2][i] = r.LeadTime.Mean;
            Values[3][i] = r.MeanWip;
            for (int l = 0; l < _lines; l++)
            {
                Values[4 + l][i] = replication.LineGood(l);
            }

            if (i == 0)
            {
                Window = (r.WindowStart, r.WindowEnd);
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
