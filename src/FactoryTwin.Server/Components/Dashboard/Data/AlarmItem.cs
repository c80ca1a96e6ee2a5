namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>One alarm as the dashboard lists it.</summary>
/// <param name="Alarm">The alarm rule's id.</param>
/// <param name="Asset">The asset it belongs to.</param>
/// <param name="Message">The text.</param>
/// <param name="Priority">The priority name (low, medium, high, critical).</param>
/// <param name="State">The ISA-18.2 state.</param>
/// <param name="RaisedAt">When it last became active.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
/// <param name="ShelvedUntil">When the shelving ends.</param>
public sealed record AlarmItem(
    string Alarm,
    string Asset,
    string Message,
    string Priority,
    AlarmLifecycle State,
    DateTimeOffset? RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ShelvedUntil)
{
    /// <summary>Gets whether the alarm can be acknowledged now (unacknowledged, active or cleared).</summary>
    public bool CanAcknowledge => State is AlarmLifecycle.ActiveUnacknowledged or AlarmLifecycle.ClearedUnacknowledged;

    /// <summary>Gets whether the alarm can be shelved now (any state but normal or already shelved).</summary>
    public bool CanShelve => State is AlarmLifecycle.ActiveUnacknowledged or AlarmLifecycle.ActiveAcknowledged or AlarmLifecycle.ClearedUnacknowledged;
}
