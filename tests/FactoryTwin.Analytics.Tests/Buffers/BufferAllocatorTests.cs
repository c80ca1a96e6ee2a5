using System.Collections.Immutable;
using FactoryTwin.Analytics.Buffers;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Tests.Buffers;

public sealed class BufferAllocatorTests
{
    /// <summary>The search's indifference zone: it promises no neighbour better by more than this fraction.</summary>
    private const double Zone = 0.005;

    private static readonly ulong Seed = ulong.Parse(Environment.GetEnvironmentVariable("FT_SEED") ?? "7", System.Globalization.CultureInfo.InvariantCulture);

    private static BufferAllocationOptions Options(int budget) => new()
    {
        Budget = budget,
        Replications = 10,
        MaxReplications = 80,
        IndifferenceZone = Zone,
        WarmUp = 3600,
        Duration = 16 * 3600,
        Seed = Seed,
    };

    [Theory]
    [InlineData(new[] { 1.0, 0.8, 1.2 }, 10)]
    [InlineData(new[] { 1.2, 1.0, 0.8, 1.1 }, 8)]
    [InlineData(new[] { 1.0, 1.3, 0.9, 1.2, 1.0 }, 6)]
    public void Optimize_ExponentialLine_FindsExactMarkovOptimumWithinTheIndifferenceZone(double[] rates, int budget)
    {
        // The exact optimum: every allocation of the budget, each solved as a Markov chain.
        var exact = Allocations(rates.Length - 1, budget).Select(a => (Allocation: a, Throughput: MarkovLine.Throughput(rates, a, 1e-10))).ToList();
        double optimum = exact.Max(x => x.Throughput);
        var plant = SerialLinePlant.Create(rates, new int[rates.Length - 1]);

        var result = BufferAllocator.Optimize(plant, Options(budget), cancellationToken: TestContext.Current.CancellationToken);

        int[] found = [.. result.Best.Capacities];
        Assert.Equal(budget, found.Sum());
        double foundExact = exact.Single(x => x.Allocation.SequenceEqual(found)).Throughput;
        Assert.True(foundExact >= optimum * (1 - Zone), $"found ({string.Join(",", found)}) with exact throughput {foundExact:0.00000}/min; the optimum is {optimum:0.00000}/min");

        // The simulated throughput of the allocation agrees with its exact value (60 jobs/h per job/min).
        Assert.InRange(foundExact * 60, result.Best.Throughput - (2 * result.Best.HalfWidth), result.Best.Throughput + (2 * result.Best.HalfWidth));
        Assert.True(result.Evaluations > 0 && result.Replications >= result.Evaluations * 10);
    }

    [Fact]
    public void Optimize_BalancedLineFromAUShape_ReachesTheInvertedBowl()
    {
        // Balanced lines put more buffer in the middle (the inverted bowl; Hillier and So 1991). Five equal exponential
        // stations with 10 places: the exact optimum is (2,3,3,2) at 0.708101 jobs/min (by enumerating all 286
        // allocations with MarkovLine). Start from the opposite shape.
        double[] rates = [1, 1, 1, 1, 1];
        var plant = SerialLinePlant.Create(rates, [1, 1, 1, 1]);

        var result = BufferAllocator.Optimize(plant, Options(10) with { Start = [4, 1, 1, 4] }, cancellationToken: TestContext.Current.CancellationToken);

        var a = result.Best.Capacities;
        Assert.True(a[1] >= a[0] && a[2] >= a[3], $"found ({string.Join(",", a)})");
        Assert.True(Math.Abs(a[0] - a[3]) <= 1 && Math.Abs(a[1] - a[2]) <= 1, $"found ({string.Join(",", a)})");
        double optimum = MarkovLine.Throughput(rates, [2, 3, 3, 2]);
        Assert.True(MarkovLine.Throughput(rates, [.. a]) >= optimum * (1 - Zone));
        Assert.True(result.Path.Length > 1);
    }

    [Fact]
    public void Optimize_ThroughputTarget_FindsTheSmallestTotalThatReachesIt()
    {
        // Two equal stations (60 s): Hunt's formula gives 60(B+2)/(B+3) jobs/h; 52 jobs/h needs B = 5 (52.5), B = 4 gives 51.4.
        var plant = SerialLinePlant.Create([1, 1], [1]);

        var result = BufferAllocator.Optimize(plant, Options(1) with { Budget = null, TargetThroughput = 52, Duration = 100 * 3600, MaxReplications = 40 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.TargetReached);
        Assert.InRange(result.Best.Total, 4, 6);
        Assert.InRange(60.0 * (result.Best.Total + 2) / (result.Best.Total + 3), result.Best.Throughput - (2 * result.Best.HalfWidth), result.Best.Throughput + (2 * result.Best.HalfWidth));
    }

    [Fact]
    public void Optimize_SameOptions_SameResult()
    {
        var plant = SerialLinePlant.Create([1.0, 0.8, 1.2], [1, 1]);

        var first = BufferAllocator.Optimize(plant, Options(4) with { MaxDegreeOfParallelism = 1, Duration = 4 * 3600 }, cancellationToken: TestContext.Current.CancellationToken);
        var second = BufferAllocator.Optimize(plant, Options(4) with { MaxDegreeOfParallelism = 2, Duration = 4 * 3600 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Best.Capacities, second.Best.Capacities);
        Assert.Equal(first.Best.Throughput, second.Best.Throughput);
        Assert.Equal(first.Evaluations, second.Evaluations);
    }

    [Theory]
    [InlineData(null, null, "either a budget")]
    [InlineData(10, 50.0, "either a budget")]
    [InlineData(1, null, "below the least total")]
    public void Optimize_BadBudget_SaysWhatIsWrong(int? budget, double? target, string message)
    {
        var plant = SerialLinePlant.Create([1, 1, 1], [1, 1]);

        var ex = Assert.Throws<ArgumentException>(() => BufferAllocator.Optimize(plant, new BufferAllocationOptions { Budget = budget, TargetThroughput = target, MinCapacity = 1 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_UnknownBufferOrLine_NamesIt()
    {
        var plant = SerialLinePlant.Create([1, 1, 1], [1, 1]);

        var buffer = Assert.Throws<ArgumentException>(() => BufferAllocator.Optimize(plant, new BufferAllocationOptions { Budget = 4, Buffers = [new AssetId("b9")] }, cancellationToken: TestContext.Current.CancellationToken));
        var line = Assert.Throws<ArgumentException>(() => BufferAllocator.Optimize(plant, new BufferAllocationOptions { Budget = 4, Line = new LineId("nope") }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'b9' is not a buffer of line 'line'", buffer.Message, StringComparison.Ordinal);
        Assert.Contains("no line 'nope'", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Even_OddUnits_GoToTheMiddle()
    {
        Assert.Equal([2, 3, 3, 2], BufferAllocator.Even([0, 0, 0, 0], 10));
        Assert.Equal([1, 2, 1], BufferAllocator.Even([0, 0, 0], 4));
        Assert.Equal([1, 1, 1], BufferAllocator.Even([1, 1, 1], 3));
    }

    private static IEnumerable<int[]> Allocations(int n, int budget)
    {
        if (n == 1)
        {
            yield return [budget];
            yield break;
        }

        for (int i = 0; i <= budget; i++)
        {
            foreach (var rest in Allocations(n - 1, budget - i))
            {
                yield return [i, .. rest];
            }
        }
    }
}
