using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

/// <summary>
/// Pins what <c>factorytwin simulate</c> reports for seeded runs: a SHA-256 of the whole summarized result (every
/// replication's result and every estimate, doubles written round-trip exact), computed on the engine before its
/// event-loop optimizations. Any change of behaviour fails here; a deliberate one updates the hash and says why.
/// </summary>
public sealed class PlantSimulationGoldenTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void Run_TenStationBenchmarkPlant_BitIdenticalToThePinnedRun()
    {
        var loaded = PlantLoader.LoadFile(Path.Combine(RepositoryPaths.Root(), "benchmarks", "plants", "ten-stations.yaml"));
        var simulation = PlantSimulationBuilder.Build(loaded.Model!);

        var result = simulation.Run(new PlantRunOptions { Seed = 1, Duration = 3 * 86_400, Replications = 8, MaxDegreeOfParallelism = 2, SeriesInterval = 3600, SeriesReplications = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("62DF8FC5754264AF", Digest(result));
    }

    [Fact]
    public void Run_AutomotiveSample_BitIdenticalToThePinnedRun()
    {
        var simulation = PlantSimulationBuilder.Build(TestPlants.Automotive);

        var result = simulation.Run(new PlantRunOptions { Seed = 3, WarmUp = 3600, Duration = 2 * 86_400, Replications = 3, MaxDegreeOfParallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        // Re-pinned when the ovens' failures became station-wide (the whole conveyor stops at the file's rate), and again
        // when the sample marked pretreatment's, e-coat's and the trim line's failures 'scope: station'.
        Assert.Equal("E13DD7319AA184A2", Digest(result));
    }

    private static string Digest(PlantSimulationResult result) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(result, Json))))[..16];
}
