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
        options ??= new WhatIfOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        long started = options.TimeProvider.GetTimestamp();

        // One chunk of every replication: the same rows and the same summary a cluster computes from its chunks.
        var experiment = WhatIfExperiment.Create(baseline, scenarios, options);
        var rows = experiment.RunReplications(0, experiment.Replications, progress, cancellationToken);
        return experiment.Summarize(rows, options.TimeProvider.GetElapsedTime(started));
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
}
