namespace FactoryTwin.Model.Plants;

/// <summary>What kind of work a station does.</summary>
public enum StationKind
{
    /// <summary>Manual work by operators (<c>manual</c>).</summary>
    Manual,

    /// <summary>An automated robot cell (<c>robot-cell</c>).</summary>
    RobotCell,

    /// <summary>A spray booth (<c>booth</c>).</summary>
    Booth,

    /// <summary>A continuous oven; its time is the conveyor transit time (<c>oven</c>).</summary>
    Oven,

    /// <summary>Inspection, possibly sending parts to rework (<c>inspection</c>).</summary>
    Inspection,

    /// <summary>A functional test (<c>test</c>).</summary>
    Test,
}
