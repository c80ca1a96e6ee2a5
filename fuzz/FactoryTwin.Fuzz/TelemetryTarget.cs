using System.Buffers;
using System.Text;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Fuzz;

/// <summary>
/// The telemetry target: one MQTT message through the decoder and validator exactly as ingestion runs it. An input is
/// the topic, a line feed, the publisher (the client id; <c>-</c> for none), a line feed, then the payload bytes. A
/// payload of odd length is handed over in two segments, so both of the decoder's reader paths are reached. Every
/// outcome is a result (accepted, partial, rejected); any exception is a finding. Also linked into
/// FactoryTwin.Telemetry.Tests, which replays the corpus and the regressions.
/// </summary>
internal sealed class TelemetryTarget : IDisposable
{
    /// <summary>The plant time of the fuzzing: the samples' timestamps are "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    private readonly PlantCatalog _catalog;
    private readonly TelemetryOptions _options = new();
    private readonly TelemetryMetrics _metrics = new();
    private readonly FixedTime _time = new();
    private readonly List<SeriesPoint> _points = [];
    private readonly List<PartEvent> _parts = [];

    public TelemetryTarget(PlantModel plant)
    {
        _catalog = new PlantCatalog(plant);
    }

    /// <summary>Validates one input with a fresh validator, so no input depends on the ones before it.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The outcome.</returns>
    public MessageOutcome Run(ReadOnlySpan<byte> input)
    {
        var topicEnd = input.IndexOf((byte)'\n');
        var topic = Encoding.UTF8.GetString(topicEnd < 0 ? input : input[..topicEnd]);
        var rest = topicEnd < 0 ? [] : input[(topicEnd + 1)..];
        var publisherEnd = rest.IndexOf((byte)'\n');
        var publisherText = Encoding.UTF8.GetString(publisherEnd < 0 ? rest : rest[..publisherEnd]);
        var payload = (publisherEnd < 0 ? [] : rest[(publisherEnd + 1)..]).ToArray();
        var publisher = publisherText == "-" ? null : publisherText;

        var sequence = payload.Length % 2 == 1 ? TwoSegments(payload) : new ReadOnlySequence<byte>(payload);
        var validator = new TelemetryValidator(_catalog, _options, _time, _metrics, NullLogger.Instance);
        _points.Clear();
        _parts.Clear();
        return validator.Validate(topic, publisher, sequence, _points, _parts);
    }

    public void Dispose() => _metrics.Dispose();

    private static ReadOnlySequence<byte> TwoSegments(byte[] payload)
    {
        var half = payload.Length / 2;
        var first = new Segment(payload.AsMemory(0, half), 0);
        var second = first.Append(payload.AsMemory(half));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
