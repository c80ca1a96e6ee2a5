using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>One accepted message on its way to the store: what validation kept of it, its place in line and the memory it holds. Pooled.</summary>
internal sealed class InboxItem
{
    /// <summary>Gets the accepted series points.</summary>
    public List<SeriesPoint> Points { get; } = new(32);

    /// <summary>Gets the accepted part events.</summary>
    public List<PartEvent> Parts { get; } = new(1);

    /// <summary>Gets or sets the message's ticket: its place in the order in which messages are settled.</summary>
    public long Ticket { get; set; }

    /// <summary>Gets or sets the bytes of the memory budget it holds until it is settled.</summary>
    public long Bytes { get; set; }

    public void Clear()
    {
        Points.Clear();
        Parts.Clear();
        Ticket = 0;
        Bytes = 0;
    }
}
