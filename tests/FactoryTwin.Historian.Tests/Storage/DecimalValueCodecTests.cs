using FactoryTwin.Historian.Storage;

namespace FactoryTwin.Historian.Tests.Storage;

public sealed class DecimalValueCodecTests
{
    [Theory]
    [InlineData(453.15, 45315L, 2)]
    [InlineData(0.0, 0L, 0)]
    [InlineData(-12.5, -125L, 1)]
    [InlineData(1234567.0, 1234567L, 0)]
    [InlineData(0.000001, 1L, 6)]
    public void TryEncode_DecimalValue_FindsSmallestScale(double value, long mantissa, int scale)
    {
        Assert.True(DecimalValueCodec.TryEncode(value, out var m, out var s));

        Assert.Equal((mantissa, (sbyte)scale), (m, s));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    [InlineData(-0.0)]
    public void TryEncode_NoExactDecimal_KeepsDouble(double value) => Assert.False(DecimalValueCodec.TryEncode(value, out _, out _));

    [Fact]
    public void TryEncode_RandomValues_DecodeIsBitExact()
    {
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var value = (i % 3) switch
            {
                0 => Math.Round((random.NextDouble() - 0.5) * 1e4, random.Next(0, 7)),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12)),
                _ => Math.Round(random.NextDouble() * 200, 2) + 273.15,
            };

            if (DecimalValueCodec.TryEncode(value, out var m, out var s))
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(DecimalValueCodec.Decode(m, s)));
            }
        }
    }
}
