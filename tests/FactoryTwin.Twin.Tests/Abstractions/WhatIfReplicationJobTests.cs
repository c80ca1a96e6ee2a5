using System.Globalization;
using System.Text;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace FactoryTwin.Twin.Tests.Abstractions;

/// <summary>A what-if job crosses the grain boundary through Orleans' generated serializers, as the files it was read from.</summary>
public sealed class WhatIfReplicationJobTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 16, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(WhatIfReplicationJob).Assembly)).BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Serialize_LargestJobTheApiTakes_RoundTripsAsLittleMoreThanItsFiles()
    {
        // The endpoint's limits: 10 scenario files of at most 65,536 characters each; the automotive plant file; a live snapshot.
        var plantFile = Path.Combine(RepositoryPaths.Root(), "samples", "plants", "automotive.yaml");
        var plant = new YamlDocument(plantFile, File.ReadAllText(plantFile));
        var scenarios = Enumerable.Range(1, 10).Select(i => new YamlDocument(string.Create(CultureInfo.InvariantCulture, $"scenario {i}"), Scenario(i, 65_536))).ToList();
        var snapshot = new TwinSnapshot(
            Now,
            [new TwinSnapshotAsset("clearcoat", TwinAssetKind.Station, StationState.Down, Now.AddSeconds(-300), [new TwinBody("B-2", "sedan", "white", Now.AddSeconds(-320))])],
            [new TwinSnapshotLine("paint", 120, 3)]);
        var job = WhatIfReplicationJob.Create(plant, [.. scenarios], 2000, 7, snapshot: snapshot, horizon: TimeSpan.FromHours(2), confidence: 0.9);
        var serializer = _services.GetRequiredService<Serializer>();

        var bytes = serializer.SerializeToArray<ReplicationJob>(job);
        var copy = Assert.IsType<WhatIfReplicationJob>(serializer.Deserialize<ReplicationJob>(bytes));

        Assert.Equal(job.RunId, copy.RunId);
        Assert.Equal(job.Plant, copy.Plant);
        Assert.Equal(job.Scenarios, copy.Scenarios);
        Assert.Equal((job.Replications, job.Seed, job.WarmUp, job.Duration, job.Horizon, job.Confidence), (copy.Replications, copy.Seed, copy.WarmUp, copy.Duration, copy.Horizon, copy.Confidence));
        Assert.Equal(job.Snapshot!.Assets[0].Bodies, copy.Snapshot!.Assets[0].Bodies);
        Assert.Equal(job.Snapshot.Lines, copy.Snapshot.Lines);
        int files = Encoding.UTF8.GetByteCount(plant.Text) + scenarios.Sum(s => Encoding.UTF8.GetByteCount(s.Text));
        Assert.InRange(bytes.Length, files, files + 1024); // the texts themselves, and under 1 KB besides
        Assert.True(bytes.Length < new SiloMessagingOptions().MaxMessageBodySize / 100, $"{bytes.Length} bytes per chunk call");
    }

    /// <summary>A valid scenario file of exactly <paramref name="length"/> characters, padded with a comment; each one different.</summary>
    private static string Scenario(int i, int length)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"apiVersion: factorytwin/v1\nkind: WhatIf\nname: big {i}\nchanges:\n  - buffer: closures-buffer\n    capacity: {i + 6}\n# ");
        return text + new string((char)('a' + i), length - text.Length);
    }
}
