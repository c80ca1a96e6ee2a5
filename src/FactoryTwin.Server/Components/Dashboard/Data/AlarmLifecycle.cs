namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The ISA-18.2 state of an alarm.</summary>
public enum AlarmLifecycle
{
    /// <summary>Normal: condition clear and acknowledged.</summary>
    Normal,

    /// <summary>Active, not acknowledged.</summary>
    ActiveUnacknowledged,

    /// <summary>Active, acknowledged.</summary>
    ActiveAcknowledged,

    /// <summary>Condition cleared, not yet acknowledged.</summary>
    ClearedUnacknowledged,

    /// <summary>Shelved: suppressed by an operator until it expires.</summary>
    Shelved,
}
