using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;

namespace FactoryTwin.Twin.Tests.Changes;

/// <summary>The relay's notices: under PostgreSQL's 8000-byte NOTIFY limit, read back whole, and not looped back to the relay.</summary>
public sealed class PostgresChangeRelayTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(TwinChange).Assembly)).BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    [Fact]
    public void Encode_LargeBatch_SplitsUnderTheLimitAndDecodesToTheSameChangesInOrder()
    {
        var batch = Enumerable.Range(0, 3_000)
            .Select(i => new TwinChange(i % 2 == 0 ? TwinChangeKind.Alarm : TwinChangeKind.Line, "asset-with-a-long-name-" + i, T0.AddMilliseconds(i)))
            .ToArray();

        var notices = PostgresChangeRelay.Encode("node-a", batch, Serializer);

        Assert.True(notices.Count > 1);
        Assert.All(notices, n => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(n), 1, PostgresChangeRelay.MaxPayload));
        var decoded = notices.SelectMany(n =>
        {
            var changes = PostgresChangeRelay.Decode(n, Serializer, out var node);
            Assert.Equal("node-a", node);
            return changes!;
        }).ToArray();
        Assert.Equal(batch, decoded);
    }

    [Theory]
    [InlineData("factorytwin", "factorytwin_changes_factorytwin")]
    [InlineData("Plant-A; DROP TABLE x", "factorytwin_changes_plantadroptablex")]
    public void ChannelOf_ServiceId_IsAPlainIdentifierPerService(string serviceId, string expected)
    {
        Assert.Equal(expected, PostgresChangeRelay.ChannelOf(serviceId));
        Assert.Equal(63, PostgresChangeRelay.ChannelOf(new string('s', 100)).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-colon")]
    [InlineData("node:not base64!")]
    public void Decode_ForeignNotice_IsIgnored(string payload)
    {
        Assert.Null(PostgresChangeRelay.Decode(payload, Serializer, out _));
    }

    [Fact]
    public async Task PublishRemote_ReachesSubscribersButNotTheRelaysOwnSubscription()
    {
        var hub = new TwinChangeHub(new FakeTimeProvider(T0), Options.Create(new TwinOptions()));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var all = hub.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var local = hub.SubscribeAsync(localOnly: true, cts.Token).GetAsyncEnumerator(cts.Token);
        var nextAll = all.MoveNextAsync();
        var nextLocal = local.MoveNextAsync();

        hub.PublishRemote(new TwinChange(TwinChangeKind.Line, "paint", T0));
        Assert.True(await nextAll);
        Assert.Equal("paint", Assert.Single(all.Current).Key);
        Assert.False(nextLocal.IsCompleted);

        hub.Publish(TwinChangeKind.Line, "body", T0);
        Assert.True(await nextLocal);
        Assert.Equal("body", Assert.Single(local.Current).Key);
        await cts.CancelAsync();
    }

    public void Dispose() => _services.Dispose();
}
