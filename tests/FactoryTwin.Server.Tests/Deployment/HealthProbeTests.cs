using System.Net;
using System.Text.RegularExpressions;
using FactoryTwin.Server.Tests.TestSupport;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>Every path the Dockerfile's health check and the Kubernetes probes ask is answered 200 by a running server.</summary>
public sealed partial class HealthProbeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ProbePaths_OfTheDeploymentFiles_AnswerHealthyOnARunningServer()
    {
        var paths = new[] { PathOf("Dockerfile"), PathOf("deploy", "k8s", "statefulset.yaml") }
            .SelectMany(f => ProbePathPattern().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["/health/live", "/health/ready"], paths.Order(StringComparer.Ordinal));

        using var client = server.Host.Client();
        foreach (var path in paths)
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

    [GeneratedRegex(@"/health/[a-z]+")]
    private static partial Regex ProbePathPattern();
}
