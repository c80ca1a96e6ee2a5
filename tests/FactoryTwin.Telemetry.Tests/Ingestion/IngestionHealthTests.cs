using System.Buffers;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Ingestion;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

/// <summary>When ingestion counts as stuck: messages pending and nothing settled for longer than the stall timeout.</summary>
public sealed class IngestionHealthTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly TelemetryMetrics _metrics = new();
    private readonly IngestionPipeline _pipeline;

    public IngestionHealthTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TelemetryOptions { StallTimeout = TimeSpan.FromSeconds(1) });
        _pipeline = new IngestionPipeline(options, TestPlants.Automotive, new InMemoryTelemetryStore(), _time, _time, _metrics, NullLogger<IngestionPipeline>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _pipeline.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task AMessageAfterALongIdleTime_IsNotStuckBeforeTheWriterHadTheStallTimeoutToTakeItUp()
    {
        // Idle for an hour (the writer not started here: as a writer that has not woken yet for the new message).
        _time.Advance(TimeSpan.FromHours(1));

        await AcceptAsync(1);

        var health = _pipeline.GetHealth();
        Assert.Equal(1, health.Pending);
        Assert.Equal(TimeSpan.Zero, health.SinceProgress);
        Assert.False(health.IsStalled);
    }

    [Fact]
    public async Task MessagesNobodyTakesUp_AreStuckOnceTheStallTimeoutHasPassedSinceTheFirst()
    {
        _time.Advance(TimeSpan.FromHours(1));
        await AcceptAsync(1);
        _time.Advance(TimeSpan.FromMilliseconds(800));
        await AcceptAsync(2);
        _time.Advance(TimeSpan.FromMilliseconds(300));

        var health = _pipeline.GetHealth();
        Assert.Equal(2, health.Pending);
        Assert.Equal(TimeSpan.FromMilliseconds(1100), health.SinceProgress);
        Assert.True(health.IsStalled);
        Assert.Equal("waiting for messages", health.StageName);
    }

    private async Task AcceptAsync(long seq) =>
        await _pipeline.AcceptAsync(Payloads.OvenTopic, "gw-paint", new ReadOnlySequence<byte>(Payloads.Utf8(Payloads.Oven(seq, _time.GetUtcNow()))), Ct);
}
