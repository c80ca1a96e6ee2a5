using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Statistics;

public sealed class ActivePeriodBottleneckTests
{
    public enum Times
    {
        /// <summary>Small integers: many shared boundaries and equal lengths (ties).</summary>
        Grid,

        /// <summary>Arbitrary doubles.</summary>
        Continuous,

        /// <summary>Consecutive doubles after 1: midpoints that round onto an interval end.</summary>
        AdjacentDoubles,
    }

    [Fact]
    public void Compute_TwoOverlappingPeriods_OverlapIsShifting()
    {
        // A active [0, 10), B active [8, 20): A is bottleneck on [0, 8), B (longer period) on [8, 20);
        // their periods overlap on [8, 10): shifting for both.
        var sole = new double[2];
        var shifting = new double[2];
        ActivePeriodBottleneck.Compute(2, [0, 1], [0, 8], [10, 20], 20, sole, shifting);
        Assert.Equal(8.0 / 20, sole[0], 12);
        Assert.Equal(10.0 / 20, sole[1], 12);
        Assert.Equal(2.0 / 20, shifting[0], 12);
        Assert.Equal(2.0 / 20, shifting[1], 12);
    }

    [Fact]
    public void Compute_DisjointPeriods_NoShifting()
    {
        var sole = new double[2];
        var shifting = new double[2];
        ActivePeriodBottleneck.Compute(2, [0, 1], [0, 10], [5, 20], 20, sole, shifting);
        Assert.Equal(5.0 / 20, sole[0], 12);
        Assert.Equal(10.0 / 20, sole[1], 12);
        Assert.Equal(0, shifting[0]);
        Assert.Equal(0, shifting[1]);
    }

    [Fact]
    public void Compute_EqualLengths_LowerElementIsBottleneck()
    {
        // Both active [0, 10): equal lengths, element 0 wins; the periods coincide but there is no other run.
        var sole = new double[2];
        var shifting = new double[2];
        ActivePeriodBottleneck.Compute(2, [1, 0], [0, 0], [10, 10], 10, sole, shifting);
        Assert.Equal([1.0, 0.0], sole);
        Assert.Equal([0.0, 0.0], shifting);
    }

    [Theory]
    [InlineData(Times.Grid, false)]
    [InlineData(Times.Grid, true)]
    [InlineData(Times.Continuous, false)]
    [InlineData(Times.Continuous, true)]
    [InlineData(Times.AdjacentDoubles, false)]
    [InlineData(Times.AdjacentDoubles, true)]
    public void Compute_RandomPeriodSets_EqualsDefinition(Times times, bool shuffled) =>
        AssertEqualsDefinition(20_021, 400, times, set => shuffled, maxElements: 12);

    [Fact]
    public void Compute_ReusedScratch_SameAsFreshScratch()
    {
        // Arrange: one scratch pair, dirty from earlier larger calls
        var ints = new int[ActivePeriodBottleneck.IntScratchLength(12, 400)];
        var doubles = new double[ActivePeriodBottleneck.DoubleScratchLength(12)];
        ints.AsSpan().Fill(-7);
        doubles.AsSpan().Fill(double.NaN);
        for (int set = 0; set < 200; set++)
        {
            var rng = SeededRandom.Create(5, set, 1);
            var (elements, owner, start, end) = RandomPeriods(ref rng, Times.Continuous, shuffled: set % 2 == 0);
            double window = end.Length > 0 ? end.Max() : 1;
            var expectedSole = new double[elements];
            var expectedShifting = new double[elements];
            ActivePeriodBottleneck.Compute(elements, owner, start, end, window, expectedSole, expectedShifting);
            var sole = new double[elements];
            var shifting = new double[elements];

            // Act
            ActivePeriodBottleneck.Compute(elements, owner, start, end, window, sole, shifting, ints, doubles);

            // Assert
            Assert.Equal(expectedSole, sole);
            Assert.Equal(expectedShifting, shifting);
        }
    }

    [Theory]
    [InlineData(Times.Grid)]
    [InlineData(Times.Continuous)]
    [InlineData(Times.AdjacentDoubles)]
    public void Compute_ManyElements_EqualsDefinition(Times times) =>
        // Up to 80 elements: a deeper heap of elements in the sweep than the 12 above give.
        AssertEqualsDefinition(77, 60, times, set => set % 2 == 1, maxElements: 80);

    [Theory]
    [InlineData(Times.Grid)]
    [InlineData(Times.Continuous)]
    [InlineData(Times.AdjacentDoubles)]
    public void ComputeOrdered_BoundariesInTimeOrderAnyOrderAtOneTime_EqualsDefinition(Times times)
    {
        // The engine records boundaries as they happen: in time order, and at one instant in whatever order the
        // stations changed (one element's period ending where its next starts included); it records no period of no
        // length. The result must not depend on that order.
        for (int set = 0; set < 300; set++)
        {
            // Arrange
            var rng = SeededRandom.Create(31, set, (ulong)times);
            var (elements, allOwners, allStarts, allEnds) = RandomPeriods(ref rng, times, shuffled: true, maxElements: 12);
            int[] kept = [.. Enumerable.Range(0, allOwners.Length).Where(p => allEnds[p] > allStarts[p])];
            int[] owner = [.. kept.Select(p => allOwners[p])];
            double[] start = [.. kept.Select(p => allStarts[p])], end = [.. kept.Select(p => allEnds[p])];
            double window = end.Length > 0 ? end.Max() : 1;
            var (expectedSole, expectedShifting) = Definition(elements, owner, start, end, window);
            var boundaries = new List<(double Time, double Tie, int Boundary)>();
            for (int p = 0; p < owner.Length; p++)
            {
                boundaries.Add((start[p], rng.NextDouble(), p << 1));
                boundaries.Add((end[p], rng.NextDouble(), (p << 1) | 1));
            }

            int[] ordered = [.. boundaries.OrderBy(b => b.Time).ThenBy(b => b.Tie).Select(b => b.Boundary)];
            int[] participants = [.. Enumerable.Range(0, elements)];
            var sole = new double[elements];
            var shifting = new double[elements];

            // Act
            ActivePeriodBottleneck.ComputeOrdered(owner, start, end, ordered, participants, new int[elements], window, sole, shifting);

            // Assert
            Assert.Equal(expectedSole, sole);
            Assert.Equal(expectedShifting, shifting);
        }
    }

    /// <summary>Random period sets: the sweep's sole and shifting shares are bit-identical to the definition's (summed in the same order).</summary>
    private static void AssertEqualsDefinition(ulong seed, int sets, Times times, Func<int, bool> shuffled, int maxElements)
    {
        for (int set = 0; set < sets; set++)
        {
            // Arrange
            var rng = SeededRandom.Create(seed, set, (ulong)times);
            var (elements, owner, start, end) = RandomPeriods(ref rng, times, shuffled(set), maxElements);
            double window = end.Length > 0 ? end.Max() : 1;
            var (expectedSole, expectedShifting) = Definition(elements, owner, start, end, window);
            var sole = new double[elements];
            var shifting = new double[elements];

            // Act
            ActivePeriodBottleneck.Compute(elements, owner, start, end, window, sole, shifting);

            // Assert
            Assert.Equal(expectedSole, sole);
            Assert.Equal(expectedShifting, shifting);
        }
    }

    /// <summary>
    /// Up to 12 (or <paramref name="maxElements"/>) elements (some without periods), each with up to 40 periods that do not overlap (they may
    /// touch, a few have zero length), optionally in random order.
    /// </summary>
    private static (int Elements, int[] Owner, double[] Start, double[] End) RandomPeriods(
        ref SeededRandom rng, Times times, bool shuffled, int maxElements = 12)
    {
        int elements = 1 + (int)(rng.NextUInt64() % (ulong)maxElements);
        var owner = new List<int>();
        var start = new List<double>();
        var end = new List<double>();
        for (int e = 0; e < elements; e++)
        {
            int periods = (int)(rng.NextUInt64() % 41);
            double t = Step(ref rng, times);
            for (int k = 0; k < periods; k++)
            {
                double u = rng.NextDouble();
                double gap = u < 0.2 ? 0 : Step(ref rng, times);
                double length = u > 0.97 ? 0 : Step(ref rng, times) + (times == Times.Continuous ? 0 : 1);
                owner.Add(e);
                start.Add(Time(t + gap, times));
                t = t + gap + length;
                end.Add(Time(t, times));
            }
        }

        if (shuffled)
        {
            for (int i = owner.Count - 1; i > 0; i--)
            {
                int j = (int)(rng.NextUInt64() % (ulong)(i + 1));
                (owner[i], owner[j]) = (owner[j], owner[i]);
                (start[i], start[j]) = (start[j], start[i]);
                (end[i], end[j]) = (end[j], end[i]);
            }
        }

        return (elements, [.. owner], [.. start], [.. end]);
    }

    /// <summary>A step in grid units (integers) or seconds.</summary>
    private static double Step(ref SeededRandom rng, Times times) =>
        times == Times.Continuous ? 200 * rng.NextDouble() * rng.NextDouble() : rng.NextUInt64() % 6;

    private static double Time(double units, Times times) => times switch
    {
        Times.AdjacentDoubles => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + (long)units),
        _ => units,
    };

    /// <summary>
    /// The method as documented, computed directly: on every interval between consecutive distinct
    /// boundaries the bottleneck is the period containing the midpoint with the longest full length (ties to
    /// the lower element); consecutive intervals of one period form a run; consecutive runs of different
    /// elements shift on the overlap of their periods; the rest of a run is sole time.
    /// </summary>
    private static (double[] Sole, double[] Shifting) Definition(
        int elements, int[] owner, double[] start, double[] end, double window)
    {
        var sole = new double[elements];
        var shifting = new double[elements];
        var boundaries = start.Concat(end).Distinct().Order().ToArray();
        var runs = new List<(int Period, double From, double To)>();
        for (int k = 0; k + 1 < boundaries.Length; k++)
        {
            double a = boundaries[k], b = boundaries[k + 1];
            double mid = 0.5 * (a + b);
            int best = -1;
            for (int p = 0; p < owner.Length; p++)
            {
                if (start[p] <= mid && mid < end[p] && (best < 0 || Ranks(p, best)))
                {
                    best = p;
                }
            }

            if (best < 0)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].Period == best)
            {
                runs[^1] = runs[^1] with { To = b };
            }
            else
            {
                runs.Add((best, a, b));
            }
        }

        // Overlap of run i with run i + 1, if of different elements.
        var overlaps = new (double From, double To)?[runs.Count];
        for (int i = 0; i + 1 < runs.Count; i++)
        {
            int p = runs[i].Period, q = runs[i + 1].Period;
            if (owner[p] != owner[q])
            {
                overlaps[i] = (Math.Max(start[p], start[q]), Math.Min(end[p], end[q]));
                double length = Math.Max(overlaps[i]!.Value.To - overlaps[i]!.Value.From, 0);
                shifting[owner[p]] += length;
                shifting[owner[q]] += length;
            }
        }

        for (int i = 0; i < runs.Count; i++)
        {
            var (period, from, to) = runs[i];
            var previous = i > 0 ? overlaps[i - 1] : null;
            var following = overlaps[i];
            double inPrevious = previous is { } pr ? Length(from, to, pr.From, pr.To) : 0;
            double inNext = following is { } nx ? Length(from, to, nx.From, nx.To) : 0;
            double inBoth = previous is { } pb && following is { } nb
                ? Length(Math.Max(from, pb.From), Math.Min(to, pb.To), nb.From, nb.To)
                : 0;
            sole[owner[period]] += Math.Max((to - from) - inPrevious - inNext + inBoth, 0);
        }

        for (int e = 0; e < elements; e++)
        {
            sole[e] /= window;
            shifting[e] /= window;
        }

        return (sole, shifting);

        bool Ranks(int p, int q) => end[p] - start[p] > end[q] - start[q]
            || (end[p] - start[p] == end[q] - start[q] && owner[p] < owner[q]);
    }

    /// <summary>Length of [a, b) ∩ [c, d).</summary>
    private static double Length(double a, double b, double c, double d) => Math.Max(Math.Min(b, d) - Math.Max(a, c), 0);
}
