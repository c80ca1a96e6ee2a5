using System.Buffers;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Telemetry.Tests.Validation;

/// <summary>A node of a cluster that shares a publisher's stream leaves gap counting to the cluster's shared window.</summary>
public sealed class SharedSequenceCountingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly TelemetryMetrics _metrics = new();
    private readonly List<SeriesPoint> _points = [];
    private readonly List<PartEvent> _parts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithASharedLedger_AcceptedNumbersGoToItAndTheNodeCountsNoGapsOfItsOwn()
    {
        var ledger = new RecordingLedger(new SequenceTally(0, 0, 0));
        var forwarder = new SequenceLedgerForwarder(_metrics, NullLogger<SequenceLedgerForwarder>.Instance, ledger);
        var validator = Validator(forwarder);

        // This node gets 1, 2, 5 and 10 of the publisher's numbers (the others went to other nodes), and 5 twice.
        foreach (var seq in new long[] { 1, 2, 5, 5, 10 })
        {
            Validate(validator, seq);
        }

        await forwarder.FlushAsync(Ct);

        Assert.Equal(0, _metrics.SequenceGaps);
        Assert.Equal(1, _metrics.Rejected(RejectionReason.Duplicate));
        var call = Assert.Single(ledger.Calls);
        Assert.Equal("gw-paint", call.Publisher);
        Assert.Equal([1, 2, 5, 10], call.Sequences);
    }

    [Fact]
    public async Task TheLedgersAnswers_AreCountedInTheNodesMetrics()
    {
        var ledger = new RecordingLedger(new SequenceTally(Gaps: 3, Redelivered: 2, Restarts: 1, Late: 4));
        var forwarder = new SequenceLedgerForwarder(_metrics, NullLogger<SequenceLedgerForwarder>.Instance, ledger);
        var validator = Validator(forwarder);
        Validate(validator, 7);

        await forwarder.FlushAsync(Ct);

        Assert.Equal(3, _metrics.SequenceGaps);
        Assert.Equal(2, _metrics.SequenceRedelivered);
        Assert.Equal(4, _metrics.SequenceLate);
    }

    [Fact]
    public async Task ALedgerThatFails_GetsTheSameNumbersAgainFirstAndIngestionGoesOn()
    {
        var ledger = new RecordingLedger(null);
        var forwarder = new SequenceLedgerForwarder(_metrics, NullLogger<SequenceLedgerForwarder>.Instance, ledger);
        var validator = Validator(forwarder);

        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 1));
        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 2));
        Assert.False(await forwarder.FlushAsync(Ct));

        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 3));
        ledger.Answer = new SequenceTally(0, 0, 0);
        Assert.True(await forwarder.FlushAsync(Ct));

        Assert.Equal(2, ledger.Calls.Count);
        Assert.Equal([1, 2], ledger.Calls[0].Sequences);
        Assert.Equal([1, 2, 3], ledger.Calls[1].Sequences);
        Assert.Equal(0, _metrics.SequenceGaps);
    }

    [Fact]
    public void WithoutALedger_TheNodeCountsGapsItself()
    {
        var forwarder = new SequenceLedgerForwarder(_metrics, NullLogger<SequenceLedgerForwarder>.Instance);
        var validator = Validator(forwarder);

        foreach (var seq in new long[] { 1, 2, 5 })
        {
            Validate(validator, seq);
        }

        Assert.False(forwarder.IsShared);
        Assert.Equal(2, _metrics.SequenceGaps);
    }

    [Fact]
    public void WithoutALedger_ASkippedNumberThatArrivesAfterAll_IsCountedLateNotAsADuplicate()
    {
        var forwarder = new SequenceLedgerForwarder(_metrics, NullLogger<SequenceLedgerForwarder>.Instance);
        var validator = Validator(forwarder);

        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 1));
        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 4));
        Assert.Equal(MessageOutcome.Accepted, Validate(validator, 3));
        Assert.Equal(MessageOutcome.Rejected, Validate(validator, 3));

        Assert.Equal(2, _metrics.SequenceGaps);
        Assert.Equal(1, _metrics.SequenceLate);
        Assert.Equal(1, _metrics.Rejected(RejectionReason.Duplicate));
    }

    public void Dispose() => _metrics.Dispose();

    private TelemetryValidator Validator(SequenceLedgerForwarder forwarder) =>
        new(new PlantCatalog(TestPlants.Automotive), new TelemetryOptions(), _time, _metrics, NullLogger.Instance, null, forwarder);

    private MessageOutcome Validate(TelemetryValidator validator, long seq)
    {
        _points.Clear();
        return validator.Validate(Payloads.OvenTopic, "gw-paint", new ReadOnlySequence<byte>(Payloads.Utf8(Payloads.Oven(seq, Now))), _points, _parts);
    }

    private sealed class RecordingLedger(SequenceTally? answer) : IPublisherSequenceLedger
    {
        public List<(string Publisher, long[] Sequences)> Calls { get; } = [];

        public SequenceTally? Answer { get; set; } = answer;

        public Task<SequenceTally> ObserveAsync(string publisher, long[] sequences, DateTimeOffset[] timestamps, CancellationToken cancellationToken)
        {
            Calls.Add((publisher, sequences));
            return Answer is { } a ? Task.FromResult(a) : Task.FromException<SequenceTally>(new InvalidOperationException("the silo is gone"));
        }
    }
}
