using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class OrderCompletionForecastTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static OrderPerformance Order(string id, int quantity, int completed) => new()
    {
        Order = new ProductionOrder { Id = id, Variant = new VariantId("sedan"), Colour = new ColourId("white"), Quantity = quantity, EarliestStart = s_now.AddHours(-3), Due = s_now.AddHours(5) },
        Status = completed >= quantity ? OrderStatus.Completed : OrderStatus.InProgress,
        Released = completed,
        Completed = completed,
        Scrapped = 0,
        Segments = [],
        Bodies = [],
    };

    [Fact]
    public void Estimate_OpenOrdersInSequence_MedianIsBodiesAheadOverTheObservedRate()
    {
        // 60 bodies left the plant in the last hour: one a minute.
        var orders = new[] { Order("A", 10, 10), Order("B", 40, 10), Order("C", 20, 0) };

        var estimates = OrderCompletionForecast.Estimate(orders, 60, TimeSpan.FromHours(1), s_now);

        Assert.Equal(["B", "C"], estimates.Select(e => e.OrderId));
        Assert.Equal([30, 50], estimates.Select(e => e.BodiesAhead));
        // The median of T0·G_k/G_n is close to T0·k/n (slightly below: the gamma ratio is right-skewed).
        Assert.InRange((estimates[0].Expected - s_now).TotalMinutes, 29.0, 30.0);
        Assert.InRange((estimates[1].Expected - s_now).TotalMinutes, 48.5, 50.0);
        Assert.True(estimates[0].Low < estimates[0].Expected && estimates[0].Expected < estimates[0].High);
    }

    [Fact]
    public void Estimate_NothingLeftThePlant_GivesNoEstimate()
    {
        Assert.Empty(OrderCompletionForecast.Estimate([Order("A", 5, 0)], 0, TimeSpan.FromHours(1), s_now));
    }

    [Theory]
    [InlineData(30, 60)]
    [InlineData(100, 200)]
    [InlineData(10, 400)]
    [InlineData(3, 20)]
    public void Estimate_Interval_CoversTheExactGammaRatioDistribution(int ahead, int departures)
    {
        // The exact predictive time is T0 * G_k / G_n, G_a a sum of a unit exponentials; sample it with a seeded stream.
        var estimate = OrderCompletionForecast.Estimate([Order("A", ahead, 0)], departures, TimeSpan.FromHours(1), s_now, confidence: 0.9).Single();
        var random = new Random(12345);
        const int Draws = 20_000;
        int below = 0, above = 0, beforeMedian = 0;
        for (int i = 0; i < Draws; i++)
        {
            double t = 3600 * Gamma(ahead, random) / Gamma(departures, random);
            below += s_now.AddSeconds(t) < estimate.Low ? 1 : 0;
            above += s_now.AddSeconds(t) > estimate.High ? 1 : 0;
            beforeMedian += s_now.AddSeconds(t) < estimate.Expected ? 1 : 0;
        }

        // Each tail should hold 5 % and the median half; the approximation keeps them within a point (sampling error ~0.15).
        Assert.InRange(below / (double)Draws, 0.04, 0.06);
        Assert.InRange(above / (double)Draws, 0.04, 0.06);
        Assert.InRange(beforeMedian / (double)Draws, 0.49, 0.51);

        static double Gamma(int shape, Random random)
        {
            double sum = 0;
            for (int j = 0; j < shape; j++)
            {
                sum -= Math.Log(1 - random.NextDouble());
            }

            return sum;
        }
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.3263478740408408)]
    public void NormalQuantile_KnownValues(double p, double expected)
    {
        Assert.Equal(expected, OrderCompletionForecast.NormalQuantile(p), 1e-8);
    }
}
