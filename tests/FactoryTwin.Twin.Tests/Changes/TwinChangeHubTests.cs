using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Changes;

public class TwinChangeHubTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribe_BurstOfChanges_CoalescesToLatestPerKeyAndAtMostOneBatchPerInterval()
    {
        var time = new FakeTimeProvider(T0);
        var hub = new TwinChangeHub(time, Options.Create(new TwinOptions { ChangeInterval = TimeSpan.FromMilliseconds(250) }));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var subscription = hub.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = subscription.MoveNextAsync();
        Assert.Equal(1, hub.SubscriberCount);

        for (var i = 0; i < 10_000; i++)
        {
            hub.Publish(TwinChangeKind.Asset, "asset-" + (i % 5), T0.AddMilliseconds(i));
        }

        Assert.True(await first);
        var batch1 = subscription.Current;
        Assert.InRange(batch1.Count, 1, 5);

        // Whatever the burst left, and what comes during the window, arrives as one batch once the window ends.
        hub.Publish(TwinChangeKind.Asset, "asset-1", T0.AddSeconds(20));
        hub.Publish(TwinChangeKind.Alarm, "asset-1", T0.AddSeconds(20));
        hub.Publish(TwinChangeKind.Asset, "asset-1", T0.AddSeconds(21));
        var second = subscription.MoveNextAsync();
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(await second);
        var batch2 = subscription.Current;
        Assert.InRange(batch2.Count, 2, 6);
        Assert.Contains(batch2, c => c.Kind == TwinChangeKind.Asset && c.Key == "asset-1" && c.At == T0.AddSeconds(21));
        Assert.Contains(batch2, c => c.Kind == TwinChangeKind.Alarm && c.Key == "asset-1");
        Assert.Contains(batch1.Concat(batch2), c => c.Key == "asset-4" && c.At == T0.AddMilliseconds(9_999));

        // The next batch waits for the coalescing window.
        hub.Publish(TwinChangeKind.Line, "body", T0.AddSeconds(22));
        var third = subscription.MoveNextAsync();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(await third);
        Assert.Equal([new TwinChange(TwinChangeKind.Line, "body", T0.AddSeconds(22))], subscription.Current);
    }

    [Fact]
    public async Task Subscribe_Cancelled_RemovesTheSubscriber()
    {
        var hub = new TwinChangeHub(new FakeTimeProvider(T0), Options.Create(new TwinOptions()));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var enumerator = hub.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = enumerator.MoveNextAsync();
        Assert.Equal(1, hub.SubscriberCount);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await enumerator.DisposeAsync();
        Assert.Equal(0, hub.SubscriberCount);
    }
}
