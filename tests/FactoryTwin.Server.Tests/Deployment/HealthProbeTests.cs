using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactoryTwin.Server.Tests.TestSupport;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>Every health path the deployment files probe is one the server serves, anonymously, and it answers 200 when ready.</summary>
public sealed partial class HealthProbeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] ProbingFiles =
    [
        PathOf("Dockerfile"),
        PathOf("deploy", "compose", "compose.yaml"),
        PathOf("deploy", "kubernetes", "statefulset.yaml"),
    ];

    [Fact]
    public void ProbePaths_OfEveryDeploymentFile_AreTheServedHealthPaths()
    {
        foreach (var file in ProbingFiles)
        {
            var paths = ProbePathPattern().Matches(File.ReadAllText(file)).Select(m => m.Value).ToList();

            Assert.NotEmpty(paths);
            Assert.All(paths, p => Assert.Contains(p, ServedHealthPaths));
        }
    }

    [Fact]
    public async Task ServedHealthPaths_WithoutCredentials_AnswerHealthyOnARunningServer()
    {
        using var client = server.Host.Client();
        foreach (var path in ServedHealthPaths)
        {
            // Ready can take a moment after start (broker and historian checks); the probes retry too.
            var status = HttpStatusCode.ServiceUnavailable;
            await Poll.UntilAsync(
                async ct =>
                {
                    using var response = await client.GetAsync(path.TrimStart('/'), ct);
                    status = response.StatusCode;
                    return status == HttpStatusCode.OK;
                },
                TimeSpan.FromSeconds(30),
                () => $"{path} answered {status}",
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task Ready_OnARunningServer_ChecksHistorianBrokerIngestionAndSilo()
    {
        using var client = server.Host.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync("health/ready", TestContext.Current.CancellationToken));

        Assert.Equal(
            ["historian", "mqtt-broker", "silo", "telemetry-ingestion"],
            document.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"/health(/[a-z]+)?\b")]
    private static partial Regex ProbePathPattern();
}
