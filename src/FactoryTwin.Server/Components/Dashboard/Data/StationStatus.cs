namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The live state of a station as the dashboard shows it.</summary>
public enum StationStatus
{
    /// <summary>Processing a part.</summary>
    Working,

    /// <summary>Changing over between variants.</summary>
    Setup,

    /// <summary>Done but cannot pass the part on (downstream full).</summary>
    Blocked,

    /// <summary>Waiting for a part (upstream empty).</summary>
    Starved,

    /// <summary>Failed, under repair.</summary>
    Down,

    /// <summary>Outside the shift calendar.</summary>
    OffShift,

    /// <summary>No telemetry yet.</summary>
    Unknown,
}
