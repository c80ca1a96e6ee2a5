namespace FactoryTwin.Historian.Tests;

public sealed class HistorianOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new HistorianOptionsValidator().Validate(null, new HistorianOptions()).Succeeded);

    [Theory]
    [InlineData(0, 10, "RawRetentionDays")]
    [InlineData(30, 7, "RollupRetentionDays")]
    public void Validate_BadRetention_FailsNamingTheSetting(int raw, int rollup, string setting)
    {
        var result = new HistorianOptionsValidator().Validate(null, new HistorianOptions { RawRetentionDays = raw, RollupRetentionDays = rollup });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CompactionWindowNotDividingADay_Fails() =>
        Assert.True(new HistorianOptionsValidator().Validate(null, new HistorianOptions { CompactionWindowMinutes = 7 }).Failed);

    [Fact]
    public void Create_InvalidOptions_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => HistorianFactory.Create(new HistorianOptions { RawRetentionDays = -1 }));
}
