namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Display texts of alarm states (the ISA-18.2 names).</summary>
public static class AlarmText
{
    /// <summary>Gets the display text of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The text.</returns>
    public static string State(AlarmLifecycle state) => state switch
    {
        AlarmLifecycle.ActiveUnacknowledged => "Active · unacknowledged",
        AlarmLifecycle.ActiveAcknowledged => "Active · acknowledged",
        AlarmLifecycle.ClearedUnacknowledged => "Cleared · unacknowledged",
        AlarmLifecycle.Shelved => "Shelved",
        _ => "Normal",
    };
}
