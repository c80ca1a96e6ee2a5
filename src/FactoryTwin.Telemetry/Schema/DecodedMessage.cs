using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Schema;

/// <summary>
/// The fields of one decoded payload. One instance is reused for every message (<see cref="Reset"/>), so decoding
/// allocates nothing for state, count and measure messages beyond growing <see cref="Values"/> once.
/// </summary>
internal sealed class DecodedMessage
{
    /// <summary>Gets the measured values of a <c>measure</c> message.</summary>
    public List<MeasureValue> Values { get; } = new(64);

    /// <summary>Gets or sets the message timestamp (UTC).</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Gets or sets the publisher's sequence number.</summary>
    public long Seq { get; set; }

    /// <summary>Gets or sets the state of a <c>state</c> message.</summary>
    public StationState State { get; set; }

    /// <summary>Gets or sets the good-part total of a <c>count</c> message, when present.</summary>
    public long? Good { get; set; }

    /// <summary>Gets or sets the scrap total of a <c>count</c> message, when present.</summary>
    public long? Scrap { get; set; }

    /// <summary>Gets or sets whether a <c>part</c> message is an enter or an exit.</summary>
    public PartEventKind PartEvent { get; set; }

    /// <summary>Gets or sets the part id of a <c>part</c> message.</summary>
    public string? PartId { get; set; }

    /// <summary>Gets or sets the variant of a <c>part</c> message, when it is in the plant model.</summary>
    public VariantId? Variant { get; set; }

    /// <summary>Gets or sets the colour of a <c>part</c> message, when it is in the plant model.</summary>
    public ColourId? Colour { get; set; }

    /// <summary>Gets or sets the cure verdict of a <c>part</c> message, when present.</summary>
    public PartCure? Cure { get; set; }

    /// <summary>Gets or sets the route of a <c>part</c> message as sent, when present (checked against the plant by the validator).</summary>
    public string? Route { get; set; }

    /// <summary>Gets or sets whether a <c>part</c> message names a variant or colour that is not in the plant model.</summary>
    public bool UnknownProduct { get; set; }

    /// <summary>Clears the fields for the next message.</summary>
    public void Reset()
    {
        Values.Clear();
        Timestamp = default;
        Seq = 0;
        State = default;
        Good = null;
        Scrap = null;
        PartEvent = default;
        PartId = null;
        Variant = null;
        Colour = null;
        Cure = null;
        Route = null;
        UnknownProduct = false;
    }
}
