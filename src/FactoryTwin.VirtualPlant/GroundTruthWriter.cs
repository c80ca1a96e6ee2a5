using System.Text;
using System.Text.Json;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.VirtualPlant.Publishing;
using FactoryTwin.VirtualPlant.Scenarios;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Writes the ground truth of a run as JSON Lines: one object per simulated event with <c>t</c> (simulated seconds
/// since the start), <c>time</c> (simulated UTC), <c>line</c>, <c>asset</c>, <c>kind</c> and the kind's values
/// (docs/virtual-plant.md).
/// </summary>
internal sealed class GroundTruthWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly DateTimeOffset _origin;
    private bool _disposed;

    public GroundTruthWriter(string path, DateTimeOffset simulatedOrigin)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
        _origin = simulatedOrigin;
    }

    public long Events { get; private set; }

    public void Write(in PlantTraceEvent e)
    {
        Begin(e.Time, e.Line.Value, e.Asset.Value);
        switch (e.Kind)
        {
            case PlantTraceKind.State:
                _writer.WriteString("kind", "state");
                _writer.WriteString("state", Payloads.StateName(e.State));
                break;
            case PlantTraceKind.Count:
                _writer.WriteString("kind", "count");
                _writer.WriteNumber("good", e.Good);
                _writer.WriteNumber("scrap", e.Scrap);
                break;
            case PlantTraceKind.Level:
                _writer.WriteString("kind", "level");
                _writer.WriteNumber("level", e.Level);
                break;
            default:
                _writer.WriteString("kind", "part");
                _writer.WriteString("event", e.Kind == PlantTraceKind.PartEnter ? "enter" : "exit");
                _writer.WriteString("part", e.Body);
                _writer.WriteString("variant", e.Variant.Value);
                _writer.WriteString("colour", e.Colour.Value);
                if (e.Order is { } order)
                {
                    _writer.WriteString("order", order);
                }

                if (e.Cure is { } cure)
                {
                    _writer.WriteString("cure", Payloads.CureName(cure));
                }

                if (e.Route is { } route)
                {
                    _writer.WriteString("route", route.Value);
                }

                break;
        }

        End();
    }

    public void WriteMeasure(double time, string line, string asset, string sensor, double value)
    {
        Begin(time, line, asset);
        _writer.WriteString("kind", "measure");
        _writer.WriteString("sensor", sensor);
        _writer.WriteNumber("value", value);
        End();
    }

    public void WriteDisturbance(double time, string line, string asset, Disturbance disturbance)
    {
        Begin(time, line, asset);
        _writer.WriteString("kind", "disturbance");
        _writer.WriteString("disturbance", disturbance.KindName);
        _writer.WriteString("target", disturbance.Target);
        if (double.IsFinite(disturbance.Duration))
        {
            _writer.WriteNumber("duration", disturbance.Duration); // a cold zone held to the end has none
        }

        if (disturbance.Kind is DisturbanceKind.BurnerTrip or DisturbanceKind.ColdZone)
        {
            _writer.WriteNumber("drop", disturbance.Drop);
        }
        else if (disturbance.IsSensorFault && disturbance.Kind != DisturbanceKind.SensorStuck)
        {
            _writer.WriteNumber("magnitude", disturbance.Magnitude);
        }

        End();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Flush();
        _writer.Dispose();
        _stream.Dispose();
    }

    private void Begin(double time, string line, string asset)
    {
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteNumber("t", time);
        _writer.WriteString("time", _origin.AddTicks((long)Math.Round(time * TimeSpan.TicksPerSecond)));
        _writer.WriteString("line", line);
        _writer.WriteString("asset", asset);
    }

    private void End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        Events++;
    }
}
