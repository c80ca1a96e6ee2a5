using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Loading;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Reads what-if jobs into <see cref="WhatIfExperiment"/>s, one per silo and job: the plant and scenario files are parsed
/// and the simulations built once, by the first chunk of a job on this silo (or the coordinator), and reused by its
/// later chunks, keyed by <see cref="WhatIfReplicationJob.RunId"/>. The last <see cref="Capacity"/> jobs are kept.
/// </summary>
internal sealed class WhatIfExperiments
{
    /// <summary>The jobs kept (one analysis runs at a time per node, so a few cover a cluster's concurrent ones).</summary>
    public const int Capacity = 4;

    private readonly Lock _gate = new();
    private readonly LinkedList<(string RunId, Lazy<WhatIfExperiment> Experiment)> _recent = new();

    /// <summary>Gets the experiment of a job, reading it on first use.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The experiment (its runs on one thread each: a chunk is one core's work).</returns>
    /// <exception cref="ArgumentException">A file is invalid (the message lists its diagnostics) or a scenario does not fit the plant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The job's settings are out of range.</exception>
    /// <exception cref="InvalidOperationException">A scenario's plant cannot be simulated.</exception>
    public WhatIfExperiment Get(WhatIfReplicationJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Lazy<WhatIfExperiment> experiment;
        lock (_gate)
        {
            var node = _recent.First;
            while (node is not null && !string.Equals(node.Value.RunId, job.RunId, StringComparison.Ordinal))
            {
                node = node.Next;
            }

            if (node is null)
            {
                // Built outside the lock, once: concurrent chunks of the job wait for the first (a failure is kept too).
                node = new LinkedListNode<(string, Lazy<WhatIfExperiment>)>((job.RunId, new Lazy<WhatIfExperiment>(() => Read(job), LazyThreadSafetyMode.ExecutionAndPublication)));
                if (_recent.Count >= Capacity)
                {
                    _recent.RemoveLast();
                }
            }
            else
            {
                _recent.Remove(node);
            }

            _recent.AddFirst(node);
            experiment = node.Value.Experiment;
        }

        return experiment.Value;
    }

    /// <summary>Reads a job: the same plant, scenarios and options on every silo, so every silo runs the same replications.</summary>
    internal static WhatIfExperiment Read(WhatIfReplicationJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var loaded = PlantLoader.Parse(job.Plant.Text, job.Plant.File);
        var plant = loaded.Model ?? throw new ArgumentException(
            $"The what-if's plant {job.Plant.File} is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}", nameof(job));
        if (job.Scenarios.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A what-if needs at least one scenario.", nameof(job));
        }

        var scenarios = new List<WhatIfScenario>(job.Scenarios.Length);
        foreach (var file in job.Scenarios)
        {
            var scenario = WhatIfScenarioLoader.Parse(file.Text, plant, file.File);
            scenarios.Add(scenario.Scenario ?? throw new ArgumentException(string.Join(Environment.NewLine, scenario.Diagnostics), nameof(job)));
        }

        var options = new WhatIfOptions
        {
            Replications = job.Replications,
            Seed = job.Seed,
            WarmUp = job.WarmUp,
            Duration = job.Duration,
            Start = job.Snapshot is { } snapshot ? PlantSnapshotMapper.Map(snapshot, new PlantIndex(plant)) : null,
            Horizon = job.Horizon,
            Confidence = job.Confidence,
            MaxDegreeOfParallelism = 1,
        };
        return WhatIfExperiment.Create(plant, scenarios, options);
    }
}
