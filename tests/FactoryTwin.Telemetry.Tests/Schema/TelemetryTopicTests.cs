using FactoryTwin.Telemetry.Schema;

namespace FactoryTwin.Telemetry.Tests.Schema;

public sealed class TelemetryTopicTests
{
    [Theory]
    [InlineData("state", (int)MessageKind.State)]
    [InlineData("count", (int)MessageKind.Count)]
    [InlineData("measure", (int)MessageKind.Measure)]
    [InlineData("part", (int)MessageKind.Part)]
    public void TryParse_V1Topic_SplitsSegments(string kind, int expected)
    {
        var topic = "factorytwin/v1/lakeside/paint/ecoat-oven/" + kind;

        Assert.True(TelemetryTopic.TryParse(topic, out var t));
        Assert.Equal("lakeside", topic[t.Site]);
        Assert.Equal("paint", topic[t.Line]);
        Assert.Equal("ecoat-oven", topic[t.Asset]);
        Assert.Equal((MessageKind)expected, t.Kind);
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven")]
    [InlineData("factorytwin/v1/lakeside/paint//state")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/State")]
    [InlineData("other/v1/lakeside/paint/ecoat-oven/state")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state/")]
    public void TryParse_OtherShape_Fails(string topic)
    {
        Assert.False(TelemetryTopic.TryParse(topic, out _));
    }

    [Fact]
    public void FilterFor_SharedGroup_UsesSharePrefix()
    {
        Assert.Equal("factorytwin/v1/lakeside/#", TelemetryTopic.FilterFor("lakeside", null));
        Assert.Equal("$share/twin/factorytwin/v1/lakeside/#", TelemetryTopic.FilterFor("lakeside", "twin"));
    }
}
