using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Statistics;

public sealed class OrderStatisticTests
{
    [Fact]
    public void Select_EveryRankOfRandomValues_EqualsSortedValue()
    {
        for (int set = 0; set < 300; set++)
        {
            // Arrange: lengths up to 600; every third set has many duplicates
            var rng = SeededRandom.Create(11, set, 0);
            var values = RandomValues(ref rng, 1 + (int)(rng.NextUInt64() % 600), duplicates: set % 3 == 0);
            var sorted = values.Order().ToArray();
            int k = (int)(rng.NextUInt64() % (ulong)values.Length);

            // Act
            double selected = OrderStatistic.Select(values, k);

            // Assert: the value and the partial order around it
            Assert.Equal(sorted[k], selected);
            Assert.All(values.AsSpan(0, k).ToArray(), v => Assert.True(v <= selected));
            Assert.All(values.AsSpan(k + 1).ToArray(), v => Assert.True(v >= selected));
        }
    }

    [Fact]
    public void Select_NestedPrefixesForNearestRankPercentiles_EqualSortedValues()
    {
        for (int set = 0; set < 300; set++)
        {
            // Arrange: p99 on all values, then p90 and p50 each on the prefix up to the previous rank
            var rng = SeededRandom.Create(12, set, 0);
            var values = RandomValues(ref rng, 1 + (int)(rng.NextUInt64() % 2000), duplicates: set % 2 == 0);
            var sorted = values.Order().ToArray();
            int n = values.Length;
            int r50 = Rank(0.50, n), r90 = Rank(0.90, n), r99 = Rank(0.99, n);

            // Act
            double p99 = OrderStatistic.Select(values, r99);
            double p90 = OrderStatistic.Select(values.AsSpan(0, r99 + 1), r90);
            double p50 = OrderStatistic.Select(values.AsSpan(0, r90 + 1), r50);

            // Assert
            Assert.Equal(sorted[r99], p99);
            Assert.Equal(sorted[r90], p90);
            Assert.Equal(sorted[r50], p50);
        }
    }

    [Fact]
    public void Select_SortedAndReversedAndConstantInputs_EqualsSortedValue()
    {
        int n = 5000;
        var ascending = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var descending = ascending.Reverse().ToArray();
        var constant = Enumerable.Repeat(3.5, n).ToArray();
        var organPipe = Enumerable.Range(0, n).Select(i => (double)Math.Min(i, n - i)).ToArray();
        foreach (var values in new[] { ascending, descending, constant, organPipe })
        {
            var sorted = values.Order().ToArray();
            foreach (int k in new[] { 0, 1, n / 2, (n * 9) / 10, n - 1 })
            {
                Assert.Equal(sorted[k], OrderStatistic.Select(values.ToArray(), k));
            }
        }
    }

    private static double[] RandomValues(ref SeededRandom rng, int n, bool duplicates)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = duplicates ? rng.NextUInt64() % 7 : 1000 * rng.NextDouble();
        }

        return values;
    }

    private static int Rank(double p, int n) => Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1);
}
