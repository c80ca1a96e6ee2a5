using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Validation;

public class SiValueTests
{
    [Theory]
    [InlineData(183.7, 273.15, 1, 456.85)]
    [InlineData(2.53, 0, 1e5, 253000)]
    [InlineData(0.1, 0, 0.001, 0.0001)]
    public void Round_ConvertedReading_IsTheExactDecimal(double reading, double offset, double scale, double expected)
    {
        var converted = (reading * scale) + offset;

        Assert.Equal(expected, SiValue.Round(converted));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1e-20)]
    [InlineData(123456789.123)]
    [InlineData(-40.5)]
    public void Round_ExactValue_IsUnchanged(double value) => Assert.Equal(value, SiValue.Round(value));

    [Fact]
    public void Round_KeepsTwelveSignificantDigits() => Assert.Equal(1.23456789012, SiValue.Round(1.2345678901234), 15);
}
