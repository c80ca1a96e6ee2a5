namespace FactoryTwin.Twin.Abstractions;

/// <summary>An alarm's state in the ISA-18.2 lifecycle.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.AlarmState")]
public enum AlarmState
{
    /// <summary>The condition is not present and nothing waits for an acknowledgement.</summary>
    Normal,

    /// <summary>The condition is present and nobody has acknowledged it.</summary>
    ActiveUnacknowledged,

    /// <summary>The condition is present and has been acknowledged.</summary>
    ActiveAcknowledged,

    /// <summary>The condition has cleared (returned to normal) before anybody acknowledged it.</summary>
    ClearedUnacknowledged,

    /// <summary>Suppressed by an operator until <see cref="AlarmView.ShelvedUntil"/>; the condition is still tracked.</summary>
    Shelved,
}
