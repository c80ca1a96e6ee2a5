using System.Buffers;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Telemetry.Tests.Validation;

public sealed class TelemetryValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly TelemetryMetrics _metrics = new();
    private readonly CountingLogger _logger = new();
    private readonly TelemetryValidator _validator;
    private readonly List<SeriesPoint> _points = [];
    private readonly List<PartEvent> _parts = [];

    public TelemetryValidatorTests()
    {
        _validator = new TelemetryValidator(new PlantCatalog(TestPlants.Automotive), new TelemetryOptions(), _time, _metrics, _logger);
    }

    private static string Ts => Payloads.Ts(Now);

    [Fact]
    public void Validate_StateExample_AddsStateCode()
    {
        var outcome = Run(Payloads.Topic("paint", "ecoat-oven", "state"), $$"""{"ts":"{{Ts}}","seq":42,"state":"working"}""");

        Assert.Equal(MessageOutcome.Accepted, outcome);
        var p = Assert.Single(_points);
        Assert.Equal(new SeriesPoint(new SeriesId("ecoat-oven/state"), Now, (int)StationState.Working, 42), p);
    }

    [Fact]
    public void Validate_CountExample_AddsGoodAndScrapTotals()
    {
        Run(Payloads.Topic("paint", "ecoat-oven", "count"), $$"""{"ts":"{{Ts}}","seq":43,"good":1234,"scrap":5}""");

        Assert.Equal([("ecoat-oven/good", 1234.0), ("ecoat-oven/scrap", 5.0)], _points.Select(p => (p.Series.Value, p.Value)));
    }

    [Fact]
    public void Validate_WeldCurrentInKiloAmperes_AcceptedWithinItsRangeAndStoredInAmperes()
    {
        var outcome = Run(Payloads.Topic("body", "respot", "measure"), $$"""{"ts":"{{Ts}}","seq":45,"values":[{"sensor":"respot-weld-current","value":5}]}""", "gw-body");

        Assert.Equal(MessageOutcome.Accepted, outcome);
        Assert.Equal(5000, Assert.Single(_points).Value, 9);
    }

    [Fact]
    public void Validate_MeasureExample_ConvertsPublishedUnitToSiAndUsesPerValueTimestamp()
    {
        var earlier = Now.AddSeconds(-1);
        Run(Payloads.OvenTopic, $$"""{"ts":"{{Ts}}","seq":44,"values":[{"sensor":"ecoat-oven-z1-air","value":195.2},{"sensor":"ecoat-oven-z2-air","value":180,"ts":"{{Payloads.Ts(earlier)}}"}]}""");

        Assert.Equal(2, _points.Count);
        Assert.Equal("ecoat-oven/ecoat-oven-z1-air", _points[0].Series.Value);
        Assert.Equal(195.2 + 273.15, _points[0].Value, 9);
        Assert.Equal(Now, _points[0].Timestamp);
        Assert.Equal(earlier, _points[1].Timestamp);
    }

    [Fact]
    public void Validate_PartExample_AddsPartEvent()
    {
        Run(Payloads.Topic("paint", "ecoat-oven", "part"), $$"""{"ts":"{{Ts}}","seq":45,"event":"enter","part":"B-000123","variant":"sedan","colour":"white"}""");

        var e = Assert.Single(_parts);
        Assert.Equal(new PartEvent(new("ecoat-oven"), Now, PartEventKind.Enter, "B-000123", new("sedan"), new("white"), 45), e);
    }

    [Theory]
    [InlineData("ok", null, PartCure.Ok)]
    [InlineData("under-cured", "repaint-queue", PartCure.UnderCured)]
    [InlineData("over-baked", "repaint-queue", PartCure.OverBaked)]
    public void Validate_OvenExitWithCureAndRoute_AddsThemToThePartEvent(string cure, string? route, PartCure expected)
    {
        var routeField = route is null ? string.Empty : $$""","route":"{{route}}" """.TrimEnd();
        var outcome = Run(Payloads.Topic("paint", "topcoat-oven", "part"), $$"""{"ts":"{{Ts}}","seq":46,"event":"exit","part":"B-000124","variant":"suv","colour":"red","cure":"{{cure}}"{{routeField}}}""");

        Assert.Equal(MessageOutcome.Accepted, outcome);
        var e = Assert.Single(_parts);
        Assert.Equal(new PartEvent(new("topcoat-oven"), Now, PartEventKind.Exit, "B-000124", new("suv"), new("red"), 46, expected, route is null ? null : new(route)), e);
    }

    [Fact]
    public void Validate_RouteNotAnAssetOfThePlant_RejectsAsUnknownAsset()
    {
        var outcome = Run(Payloads.Topic("paint", "topcoat-oven", "part"), $$"""{"ts":"{{Ts}}","seq":1,"event":"exit","part":"B-1","variant":"suv","colour":"red","cure":"under-cured","route":"scrapyard"}""");

        AssertOnlyRejected(RejectionReason.UnknownAsset, outcome);
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/paint/topcoat-oven/part", """{"ts":"TS","seq":1,"event":"exit","part":"B-1","variant":"suv","colour":"red","cure":"raw"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/topcoat-oven/part", """{"ts":"TS","seq":1,"event":"exit","part":"B-1","variant":"suv","colour":"red","cure":1}""")]
    [InlineData("factorytwin/v1/lakeside/paint/topcoat-oven/part", """{"ts":"TS","seq":1,"event":"exit","part":"B-1","variant":"suv","colour":"red","cure":"ok","route":""}""")]
    [InlineData("factorytwin/v1/lakeside/paint/topcoat-oven/part", """{"ts":"TS","seq":1,"event":"exit","part":"B-1","variant":"suv","colour":"red","route":"repaint-queue"}""")]
    public void Validate_BadCureOrRoute_RejectsAsMalformed(string topic, string payload)
    {
        var outcome = Run(topic, payload.Replace("TS", Ts, StringComparison.Ordinal));

        AssertOnlyRejected(RejectionReason.Malformed, outcome);
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/temperature", """{"ts":"TS","seq":1,"state":"working"}""")]
    [InlineData("factorytwin/v2/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":1,"state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state/extra", """{"ts":"TS","seq":1,"state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":1,"state":"working" """)]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """[1,2]""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":-1,"state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":1.5,"state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"2026-11-28T06:00:00","seq":1,"state":"working"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":1,"state":"sleeping"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/count", """{"ts":"TS","seq":1}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/measure", """{"ts":"TS","seq":1,"values":[]}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/measure", """{"ts":"TS","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":"hot"}]}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/part", """{"ts":"TS","seq":1,"event":"enter","part":"B-1","variant":"sedan"}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/state", """{"ts":"TS","seq":1,"state":"working"} {}""")]
    public void Validate_DecodeError_RejectsAsMalformed(string topic, string payload)
    {
        var outcome = Run(topic, payload.Replace("TS", Ts, StringComparison.Ordinal));

        AssertOnlyRejected(RejectionReason.Malformed, outcome);
    }

    [Fact]
    public void Validate_PayloadOverLimit_RejectsAsTooLarge()
    {
        var padding = new string(' ', TelemetryOptions.DefaultMaxPayloadBytes);
        var outcome = Run(Payloads.OvenTopic, Payloads.Oven(1, Now) + padding);

        AssertOnlyRejected(RejectionReason.TooLarge, outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gw-unknown")]
    [InlineData("gw-body")]
    public void Validate_PublisherNotAllowedForLine_RejectsAsUnauthorized(string? publisher)
    {
        var outcome = Run(Payloads.OvenTopic, Payloads.Oven(1, Now), publisher);

        AssertOnlyRejected(RejectionReason.Unauthorized, outcome);
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/nosuchline/ecoat-oven/measure")]
    [InlineData("factorytwin/v1/lakeside/paint/nosuchasset/measure")]
    [InlineData("factorytwin/v1/lakeside/paint/respot/measure")]
    [InlineData("factorytwin/v1/otherplant/paint/ecoat-oven/measure")]
    public void Validate_UnknownLineOrAsset_RejectsAsUnknownAsset(string topic)
    {
        var outcome = Run(topic, Payloads.Oven(1, Now));

        AssertOnlyRejected(RejectionReason.UnknownAsset, outcome);
    }

    [Theory]
    [InlineData("no-such-sensor")]
    [InlineData("topcoat-oven-z1-air")]
    public void Validate_SensorNotOnAsset_RejectsAsUnknownSensor(string sensor)
    {
        var outcome = Run(Payloads.OvenTopic, Payloads.Measure(1, Now, (sensor, 100)));

        AssertOnlyRejected(RejectionReason.UnknownSensor, outcome);
    }

    [Theory]
    [InlineData("hatchback", "white")]
    [InlineData("sedan", "gold")]
    public void Validate_UnknownVariantOrColour_RejectsAsUnknownProduct(string variant, string colour)
    {
        var outcome = Run(Payloads.Topic("paint", "ecoat-oven", "part"), $$"""{"ts":"{{Ts}}","seq":1,"event":"exit","part":"B-1","variant":"{{variant}}","colour":"{{colour}}"}""");

        AssertOnlyRejected(RejectionReason.UnknownProduct, outcome);
    }

    [Theory]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/measure", """{"ts":"TS","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":300.5}]}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/measure", """{"ts":"TS","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":-0.1}]}""")]
    [InlineData("factorytwin/v1/lakeside/paint/ecoat-oven/count", """{"ts":"TS","seq":1,"good":-1}""")]
    public void Validate_ValueOutsideDeclaredRange_RejectsAsOutOfRange(string topic, string payload)
    {
        var outcome = Run(topic, payload.Replace("TS", Ts, StringComparison.Ordinal));

        AssertOnlyRejected(RejectionReason.OutOfRange, outcome);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("1e999")]
    public void Validate_NaNOrInfinity_RejectsAsNotFinite(string value)
    {
        var outcome = Run(Payloads.OvenTopic, $$"""{"ts":"{{Ts}}","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":{{value}}}]}""");

        AssertOnlyRejected(RejectionReason.NotFinite, outcome);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(6, true)]
    public void Validate_TimestampBeyondSkew_RejectsAsFuture(int seconds, bool perValue)
    {
        var outcome = Run(Payloads.OvenTopic, TimedPayload(Now.AddSeconds(seconds), perValue));

        AssertOnlyRejected(RejectionReason.Future, outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_TimestampOlderThanMaxAge_RejectsAsTooOld(bool perValue)
    {
        var outcome = Run(Payloads.OvenTopic, TimedPayload(Now.AddDays(-1).AddSeconds(-1), perValue));

        AssertOnlyRejected(RejectionReason.TooOld, outcome);
    }

    [Fact]
    public void Validate_TimestampWithinSkew_IsAccepted()
    {
        Assert.Equal(MessageOutcome.Accepted, Run(Payloads.OvenTopic, TimedPayload(Now.AddSeconds(4), perValue: false)));
    }

    [Fact]
    public void Validate_SamePublisherAndSeqTwice_RejectsSecondAsDuplicate()
    {
        Run(Payloads.OvenTopic, Payloads.Oven(7, Now));
        _points.Clear();

        var outcome = Run(Payloads.Topic("paint", "ecoat-oven", "state"), $$"""{"ts":"{{Ts}}","seq":7,"state":"down"}""");

        AssertOnlyRejected(RejectionReason.Duplicate, outcome);
    }

    [Fact]
    public void Validate_SameSeqFromAnotherPublisher_IsNotDuplicate()
    {
        Run(Payloads.OvenTopic, Payloads.Oven(7, Now));

        var outcome = Run(Payloads.Topic("body", "respot", "state"), $$"""{"ts":"{{Ts}}","seq":7,"state":"down"}""", "gw-body");

        Assert.Equal(MessageOutcome.Accepted, outcome);
    }

    [Fact]
    public void Validate_PartlyBadMeasure_KeepsTheGoodValues()
    {
        var outcome = Run(Payloads.OvenTopic, $$"""{"ts":"{{Ts}}","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":190},{"sensor":"ecoat-oven-z2-air","value":"NaN"},{"sensor":"nope","value":1},{"sensor":"ecoat-oven-z3-air","value":999},{"sensor":"ecoat-oven-z4-air","value":185}]}""");

        Assert.Equal(MessageOutcome.PartlyAccepted, outcome);
        Assert.Equal(["ecoat-oven/ecoat-oven-z1-air", "ecoat-oven/ecoat-oven-z4-air"], _points.Select(p => p.Series.Value));
        Assert.Equal(1, _metrics.Rejected(RejectionReason.NotFinite));
        Assert.Equal(1, _metrics.Rejected(RejectionReason.UnknownSensor));
        Assert.Equal(1, _metrics.Rejected(RejectionReason.OutOfRange));
    }

    [Fact]
    public void Validate_SequenceJumps_CountsTheSkippedNumbers()
    {
        foreach (var seq in new long[] { 1, 2, 5, 6, 10 })
        {
            Run(Payloads.OvenTopic, Payloads.Oven(seq, Now));
        }

        Assert.Equal(2 + 3, _metrics.SequenceGaps);
    }

    [Fact]
    public void Validate_RepeatedRejection_LoggedOncePerReasonAndPublisherPerInterval()
    {
        for (var i = 0; i < 100; i++)
        {
            Run(Payloads.OvenTopic, "not json", "gw-paint");
            Run(Payloads.Topic("body", "respot", "state"), "not json", "gw-body");
        }

        Assert.Equal(2, _logger.Warnings);
        Assert.Equal(200, _metrics.Rejected(RejectionReason.Malformed));

        _time.Advance(TimeSpan.FromSeconds(59));
        Run(Payloads.OvenTopic, "not json", "gw-paint");
        Assert.Equal(2, _logger.Warnings);

        _time.Advance(TimeSpan.FromSeconds(1));
        Run(Payloads.OvenTopic, "not json", "gw-paint");
        Assert.Equal(3, _logger.Warnings);
    }

    public void Dispose() => _metrics.Dispose();

    private static string TimedPayload(DateTimeOffset ts, bool perValue) => perValue
        ? $$"""{"ts":"{{Ts}}","seq":1,"values":[{"sensor":"ecoat-oven-z1-air","value":190,"ts":"{{Payloads.Ts(ts)}}"}]}"""
        : Payloads.Oven(1, ts);

    private MessageOutcome Run(string topic, string payload, string? publisher = "gw-paint") =>
        _validator.Validate(topic, publisher, new ReadOnlySequence<byte>(Payloads.Utf8(payload)), _points, _parts);

    private void AssertOnlyRejected(RejectionReason expected, MessageOutcome outcome)
    {
        Assert.Equal(MessageOutcome.Rejected, outcome);
        Assert.Empty(_points);
        Assert.Empty(_parts);
        for (var r = 0; r < RejectionReasons.Count; r++)
        {
            Assert.Equal(r == (int)expected ? 1 : 0, _metrics.Rejected((RejectionReason)r));
        }
    }

    private sealed class CountingLogger : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && eventId.Id == 2020)
            {
                Warnings++;
            }
        }
    }
}
