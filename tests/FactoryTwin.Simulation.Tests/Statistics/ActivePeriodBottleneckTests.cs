using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Statistics;

public sealed class ActivePeriodBottleneckTests
{
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
}
