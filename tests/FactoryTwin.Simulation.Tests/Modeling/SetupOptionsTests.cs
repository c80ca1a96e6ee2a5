using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Modeling;

public sealed class SetupOptionsTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, 5)]
    [InlineData(1, 0, 30)]
    [InlineData(0, 2, 30)]
    public void TimeFor_MatrixWithNaN_FallsBackToDefault(int from, int to, double expected)
    {
        var setup = new SetupOptions { DefaultTime = 30, KeyCount = 2, Matrix = [0, 5, double.NaN, 0] };
        Assert.Equal(expected, setup.TimeFor(from, to));
    }
}
