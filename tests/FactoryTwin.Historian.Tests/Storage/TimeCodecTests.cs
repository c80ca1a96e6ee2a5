using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.Tests.Storage;

public sealed class TimeCodecTests
{
    [Fact]
    public void ToMicros_RoundTrip_KeepsMicroseconds()
    {
        var t = new DateTimeOffset(2025, 3, 3, 12, 34, 56, TimeSpan.Zero).AddTicks(1234560);

        Assert.Equal(t, TimeCodec.FromMicros(TimeCodec.ToMicros(t)));
    }

    [Fact]
    public void ToMicros_OtherOffset_UsesUtcInstant() =>
        Assert.Equal(
            TimeCodec.ToMicros(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
            TimeCodec.ToMicros(new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData(125L, 60L, 120L)]
    [InlineData(-1L, 60L, -60L)]
    [InlineData(-60L, 60L, -60L)]
    public void Floor_PositiveAndNegative_FloorsTowardMinusInfinity(long micros, long width, long expected) =>
        Assert.Equal(expected, TimeCodec.Floor(micros, width));
}
