using System.Buffers;
using FactoryTwin.Telemetry.Schema;
using FactoryTwin.Telemetry.Tests.TestSupport;
using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Schema;

public sealed class TelemetryDecoderTests
{
    private static readonly PlantCatalog Catalog = new(TestPlants.Automotive);
    private readonly DecodedMessage _message = new();

    [Fact]
    public void TryDecode_UnknownPropertiesAndEscapes_SkipsAndResolves()
    {
        var json = """{"v":{"nested":[1,2,{"x":null}]},"ts":"2026-11-28T07:00:00.000+01:00","seq":9,"values":[{"sensor":"ecoat\u002doven-z1-air","value":1.5e2,"unit":"ignored"}]}""";

        Assert.True(TelemetryDecoder.TryDecode(Payloads.Utf8(json), MessageKind.Measure, Catalog, _message, out var error), error);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero), _message.Timestamp);
        Assert.Equal(TimeSpan.Zero, _message.Timestamp.Offset);
        var v = Assert.Single(_message.Values);
        Assert.Equal("ecoat-oven-z1-air", v.Sensor?.Id);
        Assert.Equal(150, v.Value);
    }

    [Fact]
    public void TryDecode_PayloadSplitAcrossSegments_DecodesLikeOneSpan()
    {
        var bytes = Payloads.Utf8(Payloads.Oven(3, new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero)));
        var first = new Segment(bytes.AsMemory(0, 37));
        var last = first.Append(bytes.AsMemory(37));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        Assert.True(TelemetryDecoder.TryDecode(sequence, MessageKind.Measure, Catalog, _message, out var error), error);
        Assert.Equal(5, _message.Values.Count);
        Assert.Equal(3, _message.Seq);
    }

    [Fact]
    public void TryDecode_MeasureMessage_AllocatesNothing()
    {
        var bytes = Payloads.Utf8(Payloads.Oven(3, new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero)));
        var sequence = new ReadOnlySequence<byte>(bytes);
        TelemetryDecoder.TryDecode(sequence, MessageKind.Measure, Catalog, _message, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            TelemetryDecoder.TryDecode(sequence, MessageKind.Measure, Catalog, _message, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
