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

    [Theory]
    [InlineData("Provider")]
    [InlineData("CompactionDelayMinutes")]
    [InlineData("MaintenanceIntervalMinutes")]
    [InlineData("ConnectionString")]
    [InlineData("FileName")]
    [InlineData("CommitInterval")]
    public void Validate_BadValue_FailsNamingTheConfigurationKey(string setting)
    {
        var options = new HistorianOptions();
        switch (setting)
        {
            case "Provider": options.Provider = (HistorianProvider)9; break;
            case "CompactionDelayMinutes": options.CompactionDelayMinutes = -1; break;
            case "MaintenanceIntervalMinutes": options.MaintenanceIntervalMinutes = -1; break;
            case "ConnectionString": options.Provider = HistorianProvider.Postgres; break;
            case "CommitInterval": options.CommitInterval = TimeSpan.FromMinutes(5); break;
            default: options.FileName = "a/b"; break;
        }

        var result = new HistorianOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Historian:" + setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => HistorianFactory.Create(new HistorianOptions { RawRetentionDays = -1 }));
}
