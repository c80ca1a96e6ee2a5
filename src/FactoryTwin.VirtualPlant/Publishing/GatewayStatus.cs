using FactoryTwin.Model.Ids;

namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>Live counters of one gateway publisher.</summary>
/// <param name="Gateway">The gateway id (MQTT client id and user name).</param>
/// <param name="Connection">Its connection state.</param>
/// <param name="Messages">Messages created for publishing in this run (its next <c>seq</c> minus its first).</param>
/// <param name="Published">Messages the broker acknowledged (PUBACK).</param>
/// <param name="PointsPublished">Sensor values in the acknowledged messages.</param>
/// <param name="Buffered">Messages waiting or in flight.</param>
/// <param name="Dropped">Messages dropped because the buffer was full (oldest first).</param>
/// <param name="Reconnects">Successful connections after the first.</param>
public sealed record GatewayStatus(
    GatewayId Gateway,
    GatewayConnectionState Connection,
    long Messages,
    long Published,
    long PointsPublished,
    long Buffered,
    long Dropped,
    long Reconnects);
