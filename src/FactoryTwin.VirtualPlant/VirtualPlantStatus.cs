using System.Collections.Immutable;
using FactoryTwin.VirtualPlant.Publishing;

namespace FactoryTwin.VirtualPlant;

/// <summary>Live counters of a virtual plant run (for a status line or metrics).</summary>
/// <param name="Running">Whether the run is still going.</param>
/// <param name="SimulatedSeconds">Simulated seconds since the start.</param>
/// <param name="SimulatedTime">The simulated local plant time as UTC (the start of the run is the last such week time before it began, or <see cref="VirtualPlantEmulator.ReplayOrigin"/>).</param>
/// <param name="Messages">Messages created by all gateways.</param>
/// <param name="Published">Messages acknowledged by the broker.</param>
/// <param name="PointsPublished">Sensor values in acknowledged messages.</param>
/// <param name="Buffered">Messages waiting or in flight.</param>
/// <param name="Dropped">Messages dropped because a gateway's buffer was full.</param>
/// <param name="Refused">Messages the broker refused (an MQTT 5 error reason code).</param>
/// <param name="Gateways">Per gateway.</param>
public sealed record VirtualPlantStatus(
    bool Running,
    double SimulatedSeconds,
    DateTimeOffset SimulatedTime,
    long Messages,
    long Published,
    long PointsPublished,
    long Buffered,
    long Dropped,
    long Refused,
    ImmutableArray<GatewayStatus> Gateways);
