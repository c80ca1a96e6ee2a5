using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Thermal.Tests.Problem;

public sealed class ScheduleTests
{
    [Theory]
    [InlineData(-5.0, 10.0)]
    [InlineData(0.0, 10.0)]
    [InlineData(5.0, 15.0)]
    [InlineData(10.0, 20.0)]
    [InlineData(15.0, 20.0)]
    [InlineData(25.0, 0.0)]
    [InlineData(99.0, 0.0)]
    public void ValueAt_PiecewiseLinear_InterpolatesAndHoldsEnds(double t, double expected)
    {
        var s = Schedule.PiecewiseLinear([0.0, 10.0, 20.0, 25.0], [10.0, 20.0, 20.0, 0.0]);
        Assert.Equal(expected, s.ValueAt(t), 12);
    }

    [Fact]
    public void PiecewiseLinear_DecreasingTimes_Throws() =>
        Assert.Throws<ArgumentException>(() => Schedule.PiecewiseLinear([0.0, 0.0], [1.0, 2.0]));
}
