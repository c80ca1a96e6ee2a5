using System.Text.Json;
using FactoryTwin.Server.Hosting;
using FactoryTwin.Server.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace FactoryTwin.Server.Tests.Hosting;

/// <summary>The readiness check of the node's Orleans silo.</summary>
public sealed class SiloHealthCheckTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public void Evaluate_Active_IsHealthy() => Assert.Equal(HealthStatus.Healthy, SiloHealthCheck.Evaluate(SiloStatus.Active).Status);

    [Theory]
    [InlineData(SiloStatus.None, "has not joined")]
    [InlineData(SiloStatus.Created, "has not joined")]
    [InlineData(SiloStatus.Joining, "has not joined")]
    [InlineData(SiloStatus.ShuttingDown, "is leaving")]
    [InlineData(SiloStatus.Stopping, "is leaving")]
    [InlineData(SiloStatus.Dead, "is not an active member")]
    public void Evaluate_NotActive_IsUnhealthyNamingTheStatus(SiloStatus status, string says)
    {
        var result = SiloHealthCheck.Evaluate(status);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(says, result.Description, StringComparison.Ordinal);
        Assert.Contains($"({status})", result.Description, StringComparison.Ordinal);
        Assert.Equal(status.ToString(), result.Data["status"]);
    }

    [Fact]
    public async Task Ready_RunningServer_ReportsItsSiloActive()
    {
        using var client = server.Host.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync("health/ready", TestContext.Current.CancellationToken));

        var silo = document.RootElement.GetProperty("checks").GetProperty("silo");
        Assert.Equal("Healthy", silo.GetProperty("status").GetString());
        Assert.Equal("Active", silo.GetProperty("data").GetProperty("status").GetString());
    }
}
