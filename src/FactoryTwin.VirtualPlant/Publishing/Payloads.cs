using FactoryTwin.Plant.Ovens;
using System.Buffers;
using System.Text.Json;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>Writes the JSON payloads of telemetry schema v1 (docs/telemetry.md).</summary>
internal sealed class Payloads : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public Payloads()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The schema's name of a station state.</summary>
    public static string StateName(StationState state) => state switch
    {
        StationState.Working => "working",
        StationState.Setup => "setup",
        StationState.Blocked => "blocked",
        StationState.Down => "down",
        StationState.OffShift => "off-shift",
        _ => "starved",
    };

    public byte[] State(DateTimeOffset ts, long seq, StationState state)
    {
        Begin(ts, seq);
        _writer.WriteString("state", StateName(state));
        return End();
    }

    public byte[] Count(DateTimeOffset ts, long seq, long good, long scrap)
    {
        Begin(ts, seq);
        _writer.WriteNumber("good", good);
        _writer.WriteNumber("scrap", scrap);
        return End();
    }

    public byte[] Part(DateTimeOffset ts, long seq, bool enter, string part, string variant, string colour, CureVerdict? cure = null, string? route = null)
    {
        Begin(ts, seq);
        _writer.WriteString("event", enter ? "enter" : "exit");
        _writer.WriteString("part", part);
        _writer.WriteString("variant", variant);
        _writer.WriteString("colour", colour);
        if (cure is { } c)
        {
            _writer.WriteString("cure", CureName(c));
            if (route is not null)
            {
                _writer.WriteString("route", route);
            }
        }

        return End();
    }

    /// <summary>The schema name of a cure verdict (docs/telemetry.md, <c>part</c>).</summary>
    public static string CureName(CureVerdict cure) => cure switch
    {
        CureVerdict.UnderCured => "under-cured",
        CureVerdict.OverBaked => "over-baked",
        _ => "ok",
    };

    /// <summary>A measure message with the values [start, start + count) of a batch, each with its own <c>ts</c>.</summary>
    public byte[] Measure(DateTimeOffset ts, long seq, IReadOnlyList<MeasureSample> samples, int start, int count)
    {
        Begin(ts, seq);
        _writer.WriteStartArray("values");
        for (int i = start; i < start + count; i++)
        {
            var s = samples[i];
            _writer.WriteStartObject();
            _writer.WriteString("sensor", s.Sensor);
            _writer.WriteNumber("value", s.Value);
            _writer.WriteString("ts", s.Timestamp);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        return End();
    }

    public void Dispose() => _writer.Dispose();

    private void Begin(DateTimeOffset ts, long seq)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("ts", ts);
        _writer.WriteNumber("seq", seq);
    }

    private byte[] End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
