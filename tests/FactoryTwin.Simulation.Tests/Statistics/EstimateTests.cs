using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Statistics;

public sealed class EstimateTests
{
    [Fact]
    public void From_KnownSample_StudentTHalfWidth()
    {
        double[] values = [1, 2, 3, 4, 5];
        var e = Estimate.From(values);
        Assert.Equal(3, e.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), e.StandardDeviation, 12);
        Assert.Equal(2.7764451051977987 * Math.Sqrt(2.5) / Math.Sqrt(5), e.HalfWidth, 9); // t(0.975, 4)
        Assert.True(e.Contains(1.1));
        Assert.False(e.Contains(0.9));
    }

    [Fact]
    public void From_SingleValue_InfiniteHalfWidth()
    {
        var e = Estimate.From([4.0]);
        Assert.Equal(4, e.Mean);
        Assert.True(double.IsPositiveInfinity(e.HalfWidth));
    }
}
