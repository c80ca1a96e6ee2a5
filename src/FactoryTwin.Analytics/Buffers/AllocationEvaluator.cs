using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>
/// Simulates allocations of a line's buffers with common random numbers: every allocation runs replications 0…n−1 with
/// the same seed on the same clock, so replication i of two allocations differ only through the capacities. Keeps each
/// allocation's per-replication throughputs; replication i's value does not depend on how many replications were asked
/// for, so a longer run extends a shorter one.
/// </summary>
internal sealed class AllocationEvaluator
{
    private readonly PlantModel _plant;
    private readonly ImmutableArray<AssetId> _buffers;
    private readonly int _line;
    private readonly PlantSimulationOptions _clock;
    private readonly BufferAllocationOptions _options;
    private readonly Dictionary<string, double[]> _cache = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    public AllocationEvaluator(PlantModel plant, LineId line, ImmutableArray<AssetId> buffers, BufferAllocationOptions options, CancellationToken cancellationToken)
    {
        _plant = plant;
        _buffers = buffers;
        _options = options;
        _cancellationToken = cancellationToken;
        var baseline = PlantSimulationBuilder.Build(plant);
        _clock = WhatIfRunner.ClockOf(baseline.StartWeekTime);
        _line = baseline.Lines.Select((l, i) => (l, i)).First(x => x.l.Line == line).i;
    }

    public int Evaluations { get; private set; }

    public long Replications { get; private set; }

    /// <summary>Returns at least <paramref name="n"/> per-replication throughputs (jobs/h) of an allocation.</summary>
    public double[] Evaluate(ImmutableArray<int> capacities, int n)
    {
        string key = string.Join(',', capacities.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        if (_cache.TryGetValue(key, out var known) && known.Length >= n)
        {
            return known;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var simulation = PlantSimulationBuilder.Build(Apply(_plant, _buffers, capacities), _clock);
        var collector = new ThroughputCollector(_line, n);
        simulation.Run(
            new PlantRunOptions
            {
                Seed = _options.Seed,
                WarmUp = _options.WarmUp,
                Duration = _options.Duration,
                Replications = n,
                MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism,
            },
            null,
            collector,
            null,
            _cancellationToken);
        Evaluations++;
        Replications += n;
        _cache[key] = collector.Values;
        return collector.Values;
    }

    /// <summary>Returns the plant with the buffers set to the capacities; a buffer of capacity 0 is removed and its inputs routed to its one successor.</summary>
    public static PlantModel Apply(PlantModel plant, ImmutableArray<AssetId> buffers, ImmutableArray<int> capacities)
    {
        for (int i = 0; i < buffers.Length; i++)
        {
            var id = buffers[i];
            if (capacities[i] > 0)
            {
                plant = new BufferCapacityChange(id, capacities[i]).Apply(plant);
                continue;
            }

            var buffer = (Model.Plants.Buffer)plant.FindElement(id)!;
            var next = buffer.Next[0].To;
            plant = PlantEdit.Lines(plant, l => l with
            {
                Sources = l.Sources.Select(e => e with { Next = Reroute(e.Next, id, next) }).ToValueList(),
                Stations = l.Stations.Select(e => e with { Next = Reroute(e.Next, id, next) }).ToValueList(),
                Buffers = l.Buffers.Where(b => b.Id != id).Select(e => e with { Next = Reroute(e.Next, id, next) }).ToValueList(),
                Conveyors = l.Conveyors.Select(e => e with { Next = Reroute(e.Next, id, next) }).ToValueList(),
            });
        }

        return plant;
    }

    private static ValueList<Route> Reroute(ValueList<Route> routes, AssetId from, AssetId to) =>
        routes.Any(r => r.To == from) ? routes.Select(r => r.To == from ? r with { To = to } : r).ToValueList() : routes;

    private sealed class ThroughputCollector(int line, int n) : IPlantReplicationObserver
    {
        public double[] Values { get; } = new double[n];

        public void OnStep(int replication, int stepIndex, PlantRunCounters counters)
        {
        }

        public void OnFinished(PlantReplication replication)
        {
            var r = replication.Result;
            double hours = (r.WindowEnd - r.WindowStart) / 3600;
            Values[replication.Replication] = hours > 0 ? replication.LineGood(line) / hours : 0;
        }
    }
}
