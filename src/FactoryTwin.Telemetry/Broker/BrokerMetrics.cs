using System.Diagnostics.Metrics;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>The embedded broker's refusal counter on the meter <c>FactoryTwin.Telemetry</c>, plus totals for tests and diagnostics.</summary>
internal sealed class BrokerMetrics : IDisposable
{
    /// <summary>The counter's name.</summary>
    public const string RefusedName = "factorytwin.telemetry.broker.refused";

    private static readonly KeyValuePair<string, object?>[][] ReasonTags =
    [
        [new("reason", "bad-credentials")],
        [new("reason", "publish-not-allowed")],
        [new("reason", "subscribe-not-allowed")],
        [new("reason", "invalid-topic")],
    ];

    private readonly Meter _meter;
    private readonly Counter<long> _refused;
    private readonly long[] _totals = new long[ReasonTags.Length];

    public BrokerMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(TelemetryMetrics.MeterName) ?? new Meter(TelemetryMetrics.MeterName);
        _refused = _meter.CreateCounter<long>(RefusedName, "{request}", "Connections, publishes and subscriptions the embedded broker refused, by reason.");
    }

    /// <summary>Gets the name of a refusal reason as used in the metric tag.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The tag value.</returns>
    public static string Name(BrokerRefusal reason) => (string)ReasonTags[(int)reason][0].Value!;

    /// <summary>Gets the refusals counted for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long Refused(BrokerRefusal reason) => Interlocked.Read(ref _totals[(int)reason]);

    public void Refuse(BrokerRefusal reason)
    {
        Interlocked.Increment(ref _totals[(int)reason]);
        _refused.Add(1, ReasonTags[(int)reason]);
    }

    public void Dispose() => _meter.Dispose();
}
