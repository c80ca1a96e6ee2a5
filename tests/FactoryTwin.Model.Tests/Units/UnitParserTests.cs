using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Units;

namespace FactoryTwin.Model.Tests.Units;

public class UnitParserTests
{
    public static TheoryData<string, QuantityKind, double> Valid => new()
    {
        { "60 s", QuantityKind.Duration, 60 },
        { "2.5 min", QuantityKind.Duration, 150 },
        { "8 h", QuantityKind.Duration, 28_800 },
        { "1.5e2 ms", QuantityKind.Duration, 0.15 },
        { "180 degC", QuantityKind.Temperature, 453.15 },
        { "180 °C", QuantityKind.Temperature, 453.15 },
        { "32 degF", QuantityKind.Temperature, 273.15 },
        { "300 K", QuantityKind.Temperature, 300 },
        { "2 degC", QuantityKind.TemperatureDifference, 2 },
        { "0.8 mm", QuantityKind.Length, 0.0008 },
        { "4 m/min", QuantityKind.Speed, 4.0 / 60 },
        { "25 W/(m2.K)", QuantityKind.HeatTransferCoefficient, 25 },
        { "25 W/(m^2*K)", QuantityKind.HeatTransferCoefficient, 25 },
        { "25 W/(m²·K)", QuantityKind.HeatTransferCoefficient, 25 },
        { "25 W.m-2.K-1", QuantityKind.HeatTransferCoefficient, 25 },
        { "50 W/(m.K)", QuantityKind.ThermalConductivity, 50 },
        { "7.85 g/cm3", QuantityKind.Density, 7850 },
        { "0.47 kJ/(kg.K)", QuantityKind.SpecificHeat, 470 },
        { "80 kJ/mol", QuantityKind.MolarEnergy, 80_000 },
        { "5 K/min", QuantityKind.TemperatureRate, 5.0 / 60 },
        { "5 degC/min", QuantityKind.TemperatureRate, 5.0 / 60 },
        { "0.25", QuantityKind.Number, 0.25 },
        { "8 %", QuantityKind.Number, 0.08 },
        { "8%", QuantityKind.Number, 0.08 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidQuantity_ConvertsToSi(string text, QuantityKind kind, double expected)
    {
        Assert.True(UnitParser.TryParse(text, kind, out var value, out var error, out _), error);
        Assert.Equal(expected, value, 1e-9 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [InlineData("60", "has no unit")]
    [InlineData("60 m", "is a length, but a duration is needed")]
    [InlineData("60 degC", "is a temperature, but a duration is needed")]
    [InlineData("60 mn", "unknown unit 'mn'")]
    [InlineData("sixty s", "must start with a number")]
    [InlineData("60 s/", "ends where a unit symbol is expected")]
    [InlineData("60 (s", "missing ')'")]
    [InlineData("1e999 s", "finite")]
    [InlineData("60 s^99999999999", "power in unit")]
    [InlineData("60 s^13", "power in unit")]
    public void TryParse_BadDuration_ExplainsWhatIsWrong(string text, string expected)
    {
        Assert.False(UnitParser.TryParse(text, QuantityKind.Duration, out _, out var error, out var code));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.NotEqual(DiagnosticCode.YamlSyntax, code);
    }

    [Fact]
    public void TryParse_MisspeltUnit_SuggestsTheKnownOne()
    {
        UnitParser.TryParse("60 mim", QuantityKind.Duration, out _, out var error, out _);

        Assert.Contains("Did you mean 'min'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThenParse_GivesTheSameValue()
    {
        var kinds = new[] { QuantityKind.Duration, QuantityKind.Temperature, QuantityKind.HeatTransferCoefficient, QuantityKind.Speed, QuantityKind.SpecificHeat, QuantityKind.Density, QuantityKind.MolarEnergy };
        foreach (var kind in kinds)
        {
            foreach (var v in new[] { 0.1, 1.0 / 3, 453.15, 12345.678901234 })
            {
                Assert.True(UnitParser.TryParse(UnitParser.Format(v, kind), kind, out var back, out var error, out _), error);
                Assert.Equal(v, back);
            }
        }
    }
}
