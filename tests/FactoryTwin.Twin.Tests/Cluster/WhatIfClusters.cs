using FactoryTwin.Twin.Plants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>A one-silo and a three-silo in-process twin cluster for the what-if tests, started once for the class.</summary>
public sealed class WhatIfClusters : IAsyncLifetime
{
    /// <summary>Monday 18:00 at the site (UTC+2): mid late shift.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 16, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-spread-whatif-" + Guid.NewGuid().ToString("N"));
    private TestCluster? _one;
    private TestCluster? _three;

    internal TestCluster One => _one ?? throw new InvalidOperationException("Not started.");

    internal TestCluster Three => _three ?? throw new InvalidOperationException("Not started.");

    /// <summary>The what-if coordinator of a cluster's primary silo, as a host resolves it.</summary>
    internal static ClusterWhatIf Coordinator(TestCluster cluster) =>
        cluster.Primary is InProcessSiloHandle { ServiceProvider: { } services }
            ? (ClusterWhatIf)services.GetRequiredService<IClusterWhatIf>()
            : throw new InvalidOperationException("The primary silo does not run in this process.");

    public async ValueTask InitializeAsync()
    {
        var time = new FakeTimeProvider(Now);
        _one = await TwinSilo.StartAsync(1, Path.Combine(_folder, "1"), time, TestPlants.Automotive);
        _three = await TwinSilo.StartAsync(3, Path.Combine(_folder, "3"), time, TestPlants.Automotive);
        await _three.WaitForLivenessToStabilizeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in new[] { _one, _three })
        {
            if (cluster is not null)
            {
                await cluster.StopAllSilosAsync();
                await cluster.DisposeAsync();
            }
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
