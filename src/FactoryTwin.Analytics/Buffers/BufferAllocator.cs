using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Analytics.WhatIf;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>
/// Finds the allocation of a line's buffer capacity that maximises its throughput for a total budget, or the smallest
/// total that reaches a throughput target, by simulation with common random numbers.
/// </summary>
/// <remarks>
/// The search is a bounded local search with paired comparisons. From the even allocation, each step compares every
/// neighbour (one unit moved from one buffer to another) with the current allocation on the same replications; the
/// confidence of each paired-t interval is Bonferroni-split over the neighbours, so a step's comparisons hold jointly.
/// It moves to the best neighbour whose interval lies above 0; it stops when every neighbour's interval lies below the
/// indifference zone δ (no neighbour better by more than δ); otherwise it doubles the replications of the undecided
/// neighbours, up to <see cref="BufferAllocationOptions.MaxReplications"/>. Throughput is concave in the buffer sizes
/// of a serial line with blocking in many cases (Meester and Shanthikumar 1990), so a local optimum of unit moves is
/// the global one there. A target search raises the total by one unit at a time from the least, each time placing the
/// new unit where it helps most and then improving the allocation with the local search, until the mean reaches the target.
/// </remarks>
public static class BufferAllocator
{
    /// <summary>Runs the search.</summary>
    /// <param name="plant">The plant (validated).</param>
    /// <param name="options">The line, buffers, budget or target, and search settings.</param>
    /// <param name="progress">Receives the number of allocation evaluations so far, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the search (checked before each evaluation and replication).</param>
    /// <returns>The best allocation found.</returns>
    /// <exception cref="ArgumentException">The options do not fit the plant (the message names what is wrong).</exception>
    public static BufferAllocationResult Optimize(PlantModel plant, BufferAllocationOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(options);
        var (line, buffers, minimum) = Resolve(plant, options);
        long started = options.TimeProvider.GetTimestamp();
        var evaluator = new AllocationEvaluator(plant, line, buffers, options, cancellationToken);
        var search = new Search(evaluator, minimum, options, progress);
        var current = buffers.Select(b => ((Model.Plants.Buffer)plant.FindElement(b)!).Capacity).ToImmutableArray();

        ImmutableArray<int> best;
        bool? reached = null;
        string stop;
        var path = new List<ImmutableArray<int>>();
        if (options.Budget is { } budget)
        {
            var start = options.Start.IsDefaultOrEmpty ? Even(minimum, budget) : options.Start;
            path.Add(start);
            (best, stop) = search.Climb(start, path);
        }
        else
        {
            double target = options.TargetThroughput!.Value;
            var allocation = minimum;
            path.Add(allocation);
            (best, stop) = search.Climb(allocation, path);
            while (Mean(search, best) < target)
            {
                if (best.Sum() >= options.MaxBudget)
                {
                    stop = string.Create(CultureInfo.InvariantCulture, $"the target was not reached within the largest total of {options.MaxBudget}");
                    break;
                }

                if (search.Exhausted)
                {
                    stop = "the evaluation limit was reached before the target";
                    break;
                }

                allocation = search.AddUnit(best);
                path.Add(allocation);
                (best, stop) = search.Climb(allocation, path);
            }

            reached = Mean(search, best) >= target;
            if (reached == true)
            {
                stop = string.Create(CultureInfo.InvariantCulture, $"the target is reached with a total of {best.Sum()} ({stop})");
            }
        }

        var estimates = path.Select(a => search.EstimateOf(a)).ToImmutableArray();
        var bestEstimate = search.EstimateOf(best, final: true);
        var currentEstimate = search.EstimateOf(current, final: true);
        return new BufferAllocationResult(line, buffers, bestEstimate, currentEstimate, estimates, reached, stop, evaluator.Evaluations, evaluator.Replications, options.TimeProvider.GetElapsedTime(started));
    }

    private static double Mean(Search search, ImmutableArray<int> allocation) => search.EstimateOf(allocation).Throughput;

    /// <summary>Shares a budget out as evenly as possible over the buffers above their minimum, the odd units to the middle ones.</summary>
    internal static ImmutableArray<int> Even(ImmutableArray<int> minimum, int budget)
    {
        int n = minimum.Length;
        var a = minimum.ToArray();
        int left = budget - a.Sum();
        int share = left / n, odd = left % n;
        for (int i = 0; i < n; i++)
        {
            a[i] += share;
        }

        // The odd units go to the buffers nearest the middle (the centre of a balanced line gains most: the inverted bowl).
        var order = Enumerable.Range(0, n).OrderBy(i => Math.Abs(i - ((n - 1) / 2.0))).ThenBy(i => i).ToArray();
        for (int k = 0; k < odd; k++)
        {
            a[order[k]]++;
        }

        return [.. a];
    }

    private static (LineId Line, ImmutableArray<AssetId> Buffers, ImmutableArray<int> Minimum) Resolve(PlantModel plant, BufferAllocationOptions options)
    {
        if ((options.Budget is null) == (options.TargetThroughput is null))
        {
            throw new ArgumentException("Give either a budget (the total capacity to share out) or a throughput target, not both or neither.", nameof(options));
        }

        if (options.TargetThroughput is { } t && !(t > 0 && double.IsFinite(t)))
        {
            throw new ArgumentException("The throughput target must be a positive number of jobs per hour.", nameof(options));
        }

        if (options.Replications < 2 || options.MaxReplications < options.Replications)
        {
            throw new ArgumentException("Replications must be at least 2 and MaxReplications at least Replications.", nameof(options));
        }

        if (!(options.IndifferenceZone >= 0) || !(options.Confidence > 0 && options.Confidence < 1) || options.MinCapacity < 0 || options.MaxEvaluations < 1)
        {
            throw new ArgumentException("IndifferenceZone must be at least 0, Confidence in (0, 1), MinCapacity at least 0 and MaxEvaluations at least 1.", nameof(options));
        }

        if (!(options.Duration > 0) || !(options.WarmUp >= 0))
        {
            throw new ArgumentException("Duration must be positive and WarmUp at least 0 seconds.", nameof(options));
        }

        Line line;
        if (options.Line is { } id)
        {
            line = plant.FindLine(id) ?? throw new ArgumentException($"The plant has no line '{id}'; it has {string.Join(", ", plant.Lines().Select(l => l.Id.Value))}.", nameof(options));
        }
        else
        {
            var withBuffers = plant.Lines().Where(l => l.Buffers.Count > 0).ToList();
            line = withBuffers.Count == 1
                ? withBuffers[0]
                : throw new ArgumentException($"Name the line: the plant has {withBuffers.Count} lines with buffers ({string.Join(", ", withBuffers.Select(l => l.Id.Value))}).", nameof(options));
        }

        ImmutableArray<AssetId> buffers;
        if (options.Buffers.IsDefaultOrEmpty)
        {
            buffers = [.. line.Buffers.Select(b => b.Id)];
        }
        else
        {
            foreach (var b in options.Buffers)
            {
                if (!line.Buffers.Any(x => x.Id == b))
                {
                    throw new ArgumentException($"'{b}' is not a buffer of line '{line.Id}'; its buffers are {string.Join(", ", line.Buffers.Select(x => x.Id.Value))}.", nameof(options));
                }
            }

            if (options.Buffers.Distinct().Count() != options.Buffers.Length)
            {
                throw new ArgumentException("A buffer is named twice.", nameof(options));
            }

            buffers = options.Buffers;
        }

        if (buffers.Length == 0)
        {
            throw new ArgumentException($"Line '{line.Id}' has no buffers to allocate.", nameof(options));
        }

        // A buffer that routes to several elements (a split) cannot be removed: it keeps at least one place.
        var minimum = buffers.Select(b => line.Buffers.First(x => x.Id == b).Next.Count == 1 ? options.MinCapacity : Math.Max(1, options.MinCapacity)).ToImmutableArray();
        if (options.Budget is { } budget && budget < minimum.Sum())
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The budget {budget} is below the least total of {minimum.Sum()} ({buffers.Length} buffers)."), nameof(options));
        }

        if (!options.Start.IsDefaultOrEmpty)
        {
            if (options.Budget is not { } total || options.Start.Length != buffers.Length || options.Start.Sum() != total
                || options.Start.Where((c, i) => c < minimum[i]).Any())
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The start allocation needs a budget and one capacity per buffer ({buffers.Length}), each at least its minimum, summing to the budget."), nameof(options));
            }
        }

        return (line.Id, buffers, minimum);
    }

    /// <summary>The state of one search: the evaluator and the replication counts reached.</summary>
    private sealed class Search(AllocationEvaluator evaluator, ImmutableArray<int> minimum, BufferAllocationOptions options, IProgress<int>? progress)
    {
        public bool Exhausted => evaluator.Evaluations >= options.MaxEvaluations;

        /// <summary>Local search from <paramref name="start"/>; appends each accepted move to <paramref name="path"/>.</summary>
        public (ImmutableArray<int> Best, string Stop) Climb(ImmutableArray<int> start, List<ImmutableArray<int>> path)
        {
            var current = start;
            var visited = new HashSet<string>(StringComparer.Ordinal) { Key(current) };
            while (true)
            {
                var neighbours = Neighbours(current).Where(n => !visited.Contains(Key(n))).ToList();
                if (neighbours.Count == 0)
                {
                    return (current, "no allocation is left to try");
                }

                // Bonferroni: each of the k comparisons at 1 − α/k keeps the step's family-wise confidence at 1 − α.
                double confidence = 1 - ((1 - options.Confidence) / neighbours.Count);
                int n = options.Replications;
                var undecided = neighbours;
                ImmutableArray<int>? move = null;
                while (true)
                {
                    if (Exhausted)
                    {
                        return (current, "the evaluation limit was reached");
                    }

                    var baseline = Values(current, n);
                    double zone = options.IndifferenceZone * Math.Abs(baseline.Take(n).Average());
                    double bestGain = double.NegativeInfinity;
                    var next = new List<ImmutableArray<int>>();
                    foreach (var candidate in undecided)
                    {
                        var values = Values(candidate, n);
                        var d = new double[n];
                        for (int i = 0; i < n; i++)
                        {
                            d[i] = values[i] - baseline[i];
                        }

                        var e = SampleEstimate.From(d, confidence);
                        double hw = e.StandardDeviation == 0 ? 0 : e.HalfWidth;
                        if (e.Mean - hw > 0 && e.Mean > bestGain)
                        {
                            bestGain = e.Mean;
                            move = candidate;
                        }
                        else if (e.Mean + hw >= zone && !(e.Mean - hw > 0))
                        {
                            next.Add(candidate);
                        }
                    }

                    if (move is not null)
                    {
                        break;
                    }

                    if (next.Count == 0)
                    {
                        return (current, string.Create(CultureInfo.InvariantCulture, $"no neighbour is better by more than {options.IndifferenceZone:P1} (a local optimum)"));
                    }

                    if (n * 2 > options.MaxReplications)
                    {
                        return (current, string.Create(CultureInfo.InvariantCulture, $"{next.Count} neighbour(s) could not be told apart from the best within {options.MaxReplications} replications"));
                    }

                    n *= 2;
                    undecided = next;
                }

                current = move.Value;
                visited.Add(Key(current));
                path.Add(current);
            }
        }

        /// <summary>Adds one unit where it raises throughput most (same replications, common random numbers).</summary>
        public ImmutableArray<int> AddUnit(ImmutableArray<int> allocation)
        {
            ImmutableArray<int> best = allocation;
            double bestMean = double.NegativeInfinity;
            for (int i = 0; i < allocation.Length; i++)
            {
                var candidate = allocation.SetItem(i, allocation[i] + 1);
                double mean = Values(candidate, options.Replications).Take(options.Replications).Average();
                if (mean > bestMean)
                {
                    bestMean = mean;
                    best = candidate;
                }
            }

            return best;
        }

        /// <summary>The throughput estimate of an allocation from the replications already run (with <paramref name="final"/>, at least the most a comparison uses).</summary>
        public AllocationEstimate EstimateOf(ImmutableArray<int> allocation, bool final = false)
        {
            var values = Values(allocation, final ? options.MaxReplications : options.Replications);
            var e = SampleEstimate.From(values, options.Confidence);
            return new AllocationEstimate(allocation, e.Mean, e.HalfWidth, e.Count);
        }

        private double[] Values(ImmutableArray<int> allocation, int n)
        {
            int before = evaluator.Evaluations;
            var values = evaluator.Evaluate(allocation, n);
            if (evaluator.Evaluations != before)
            {
                progress?.Report(evaluator.Evaluations);
            }

            return values;
        }

        private IEnumerable<ImmutableArray<int>> Neighbours(ImmutableArray<int> a)
        {
            for (int from = 0; from < a.Length; from++)
            {
                if (a[from] <= minimum[from])
                {
                    continue;
                }

                for (int to = 0; to < a.Length; to++)
                {
                    if (to != from)
                    {
                        yield return a.SetItem(from, a[from] - 1).SetItem(to, a[to] + 1);
                    }
                }
            }
        }

        private static string Key(ImmutableArray<int> a) => string.Join(',', a.Select(x => x.ToString(CultureInfo.InvariantCulture)));
    }
}
