using FactoryTwin.Model.Telemetry;
using MQTTnet;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>One received message on its way to the store: what validation accepted from it and the handle that acknowledges it. Pooled.</summary>
internal sealed class InboxItem
{
    /// <summary>Gets the accepted series points.</summary>
    public List<SeriesPoint> Points { get; } = new(32);

    /// <summary>Gets the accepted part events.</summary>
    public List<PartEvent> Parts { get; } = new(1);

    /// <summary>Gets or sets the received message, whose <see cref="MqttApplicationMessageReceivedEventArgs.AcknowledgeAsync"/> sends the PUBACK.</summary>
    public MqttApplicationMessageReceivedEventArgs? Message { get; set; }

    /// <summary>Gets or sets the connection it arrived on; an acknowledgement on a later connection would name a different message.</summary>
    public int Connection { get; set; }

    public void Clear()
    {
        Points.Clear();
        Parts.Clear();
        Message = null;
    }
}
