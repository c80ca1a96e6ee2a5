using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FactoryTwin.Server.Live;

/// <summary>
/// Totals of the telemetry module's counters (meter <c>FactoryTwin.Telemetry</c>), read through a <see cref="MeterListener"/>
/// so the API can show messages received, points committed, rejections by reason and broker refusals by reason.
/// </summary>
internal sealed class IngestionCounters : IDisposable
{
    private const string MeterName = "FactoryTwin.Telemetry";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public IngestionCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (string.Equals(instrument.Meter.Name, MeterName, StringComparison.Ordinal) && instrument is Counter<long>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Gets the totals: key = instrument name, or <c>name{reason}</c> for measurements tagged with a reason.</summary>
    /// <returns>The totals, sorted by key.</returns>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_totals, StringComparer.Ordinal);

    /// <summary>Gets one total.</summary>
    /// <param name="key">The key, as in <see cref="Snapshot"/>.</param>
    /// <returns>The total, 0 when nothing was counted.</returns>
    public long Get(string key) => _totals.GetValueOrDefault(key);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var key = instrument.Name;
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, "reason", StringComparison.Ordinal))
            {
                key = instrument.Name + "{" + tag.Value + "}";
                break;
            }
        }

        _totals.AddOrUpdate(key, value, (_, total) => total + value);
    }
}
