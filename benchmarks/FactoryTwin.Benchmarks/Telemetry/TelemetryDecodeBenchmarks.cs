using System.Buffers;
using System.Buffers.Text;
using System.Text;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Schema;
using FactoryTwin.Telemetry.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Benchmarks.Telemetry;

/// <summary>
/// Decoding and validation per message (samples/s = values per message / time per op). The baseline decodes a state
/// message; Measure20 is a batched gateway message of 20 values. Allocation per message is the Allocated column.
/// </summary>
[MemoryDiagnoser]
public class TelemetryDecodeBenchmarks
{
    private readonly DecodedMessage _message = new();
    private readonly List<SeriesPoint> _points = new(64);
    private readonly List<PartEvent> _parts = [];
    private PlantCatalog _catalog = null!;
    private TelemetryValidator _validator = null!;
    private ReadOnlySequence<byte> _state;
    private ReadOnlySequence<byte> _measure20;
    private byte[] _numbered = [];
    private int _seqAt;
    private long _seq;

    [GlobalSetup]
    public void Setup()
    {
        var t0 = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
        _catalog = new PlantCatalog(TelemetryBenchmarkData.LoadPlant());
        _validator = new TelemetryValidator(_catalog, new TelemetryOptions { MaxAge = TimeSpan.FromDays(100_000) }, TimeProvider.System, new TelemetryMetrics(), NullLogger.Instance);
        _state = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(TelemetryBenchmarkData.State(1, t0)));
        _measure20 = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(TelemetryBenchmarkData.Measure(1, t0, 20)));

        // The same message with room for a fresh seq per op: JSON allows spaces before a number, so 20 spaces are overwritten in place.
        var text = TelemetryBenchmarkData.Measure(1, t0, 20).Replace("\"seq\":1,", "\"seq\":" + new string(' ', 20) + ",", StringComparison.Ordinal);
        _numbered = Encoding.UTF8.GetBytes(text);
        _seqAt = text.IndexOf("\"seq\":", StringComparison.Ordinal) + 6;
    }

    [Benchmark(Baseline = true)]
    public bool DecodeState() => TelemetryDecoder.TryDecode(_state, MessageKind.State, _catalog, _message, out _);

    [Benchmark]
    public bool DecodeMeasure20() => TelemetryDecoder.TryDecode(_measure20, MessageKind.Measure, _catalog, _message, out _);

    /// <summary>Topic, publisher, line and asset checks, decode, duplicate check, unit conversion and range check of 20 values, with a fresh seq each op.</summary>
    [Benchmark]
    public int ValidateMeasure20()
    {
        _points.Clear();
        var field = _numbered.AsSpan(_seqAt, 20);
        field.Fill((byte)' ');
        Utf8Formatter.TryFormat(++_seq, field[(20 - CountDigits(_seq))..], out _);
        _validator.Validate(TelemetryBenchmarkData.Topic, "gw-paint", new ReadOnlySequence<byte>(_numbered), _points, _parts);
        return _points.Count;
    }

    private static int CountDigits(long value) => value == 0 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;
}
