namespace FactoryTwin.Model.Plants;

/// <summary>The state a station is in at any time.</summary>
public enum StationState
{
    /// <summary>Processing a part (<c>working</c>).</summary>
    Working,

    /// <summary>Changing over (<c>setup</c>).</summary>
    Setup,

    /// <summary>Done, but the next element has no room (<c>blocked</c>).</summary>
    Blocked,

    /// <summary>Waiting for a part (<c>starved</c>).</summary>
    Starved,

    /// <summary>Failed or under repair (<c>down</c>).</summary>
    Down,

    /// <summary>Outside shift time, in a break or planned downtime (<c>off-shift</c>).</summary>
    OffShift,
}
