using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.Tests.Storage;

public sealed class StateIntervalBuilderTests
{
    [Fact]
    public void Build_PointBeforeStart_OpensFirstIntervalAtStart()
    {
        var intervals = StateIntervalBuilder.Build([(0, 1), (50, 2)], start: 10, end: 100);

        Assert.Equal([(10L, 50L, 1.0), (50L, 100L, 2.0)], intervals.Select(i => (TimeCodec.ToMicros(i.Start), TimeCodec.ToMicros(i.End), i.State)));
    }

    [Fact]
    public void Build_RepeatedStates_Merged()
    {
        var intervals = StateIntervalBuilder.Build([(0, 1), (10, 1), (20, 1), (30, 4)], start: 0, end: 40);

        Assert.Equal([(0L, 30L, 1.0), (30L, 40L, 4.0)], intervals.Select(i => (TimeCodec.ToMicros(i.Start), TimeCodec.ToMicros(i.End), i.State)));
    }

    [Fact]
    public void Build_NoPoints_Empty() => Assert.Empty(StateIntervalBuilder.Build([], 0, 10));
}
