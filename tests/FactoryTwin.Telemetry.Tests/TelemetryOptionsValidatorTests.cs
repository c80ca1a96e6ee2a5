namespace FactoryTwin.Telemetry.Tests;

public sealed class TelemetryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_FailsNamingEachConfigurationKey()
    {
        var options = new TelemetryOptions
        {
            Port = 0,
            Host = " ",
            ClientId = "",
            KeepAlive = TimeSpan.Zero,
            MaxPendingBytes = 1,
            DuplicateWindow = 1,
        };

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var key in new[] { "Port", "Host", "ClientId", "KeepAlive", "MaxPendingBytes", "DuplicateWindow" })
        {
            Assert.Contains("Telemetry:" + key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_CrossFieldRules_FailNamingTheConfigurationKey()
    {
        var options = new TelemetryOptions
        {
            Port = 1883,
            TlsPort = 1883,
            SharedSubscriptionGroup = "group",
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.Contains("Telemetry:TlsPort must differ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Telemetry:SharedSubscriptionGroup needs an external broker", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Telemetry:ReconnectMaxDelay", result.FailureMessage, StringComparison.Ordinal);
    }
}
