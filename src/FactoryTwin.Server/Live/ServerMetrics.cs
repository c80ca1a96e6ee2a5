using System.Diagnostics.Metrics;

namespace FactoryTwin.Server.Live;

/// <summary>The server's instruments on the meter <c>FactoryTwin.Server</c>.</summary>
internal sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "FactoryTwin.Server";

    private readonly Meter _meter;
    private readonly Histogram<double> _forecast;

    public ServerMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _forecast = _meter.CreateHistogram<double>("factorytwin.server.forecast.duration", "s", "Time to run a shift forecast on demand.");
    }

    public void ForecastRan(TimeSpan duration) => _forecast.Record(duration.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
