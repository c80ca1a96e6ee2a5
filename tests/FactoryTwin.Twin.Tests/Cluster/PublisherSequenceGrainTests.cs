using System.Collections.Immutable;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>A gateway's shared sequence window on a real (in-process) cluster: the nodes' shares meet in one grain.</summary>
public sealed class PublisherSequenceGrainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-seq-").FullName;

    [Fact]
    public async Task ShareOfEachSilo_MeetInOneWindow_NoGapWhereAnotherSiloHadTheNumber()
    {
        var cluster = await TwinSilo.StartAsync(2, _folder, new FakeTimeProvider(), TestPlants.Automotive);
        try
        {
            var t0 = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
            // One node got the even numbers, another the odd ones; 7 never arrived.
            var even = cluster.Client.GetGrain<IPublisherSequenceGrain>("gw-paint");
            var odd = cluster.Client.GetGrain<IPublisherSequenceGrain>("gw-paint");
            long[] evens = [0, 2, 4, 6, 8];
            long[] odds = [1, 3, 5, 9];

            var first = await even.ObserveAsync([.. evens], [.. evens.Select(s => t0.AddSeconds(s))]);
            var second = await odd.ObserveAsync([.. odds], [.. odds.Select(s => t0.AddSeconds(s))]);
            var again = await odd.ObserveAsync([4], [t0.AddSeconds(4)]);

            Assert.Equal(default, first);
            Assert.Equal(default, second);
            Assert.Equal(new PublisherSequenceTally(0, 1, 0), again);
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
